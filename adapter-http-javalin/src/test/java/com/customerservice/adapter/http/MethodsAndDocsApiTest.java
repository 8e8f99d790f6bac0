package com.customerservice.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a path answers to a method it does not serve, and the reference served beside the API. */
class MethodsAndDocsApiTest extends ApiTestSupport {

  private ApiClient.Reply raw(String method, String path) {
    return api.send(method, path, null, null, Map.of(), false);
  }

  @Test
  void aWrongMethodIs405WithTheEnvelopeAndWhatThePathAllows() {
    String id = onboard("+258840000001");
    var reply = raw("PATCH", "/v1/customers/" + id);
    assertThat(reply.status()).isEqualTo(405);
    assertThat(reply.errorCode()).isEqualTo("method_not_allowed");
    assertThat(reply.header("Allow")).contains("GET", "PUT", "DELETE").doesNotContain("POST");
  }

  @Test
  void headIs405WithTheMethodsThePathAnswersNotABare200() {
    String id = onboard("+258840000001");
    var customer = raw("HEAD", "/v1/customers/" + id);
    assertThat(customer.status()).isEqualTo(405);
    assertThat(customer.header("Allow")).isEqualTo("GET, PUT, DELETE");

    var selfie = raw("HEAD", "/v1/customers/" + id + "/upload-selfie");
    assertThat(selfie.status()).isEqualTo(405);
    assertThat(selfie.header("Allow")).isEqualTo("POST");
  }

  @Test
  void headOnAPathThatAnswersNothingIs404() {
    assertThat(raw("HEAD", "/v1/nowhere").status()).isEqualTo(404);
  }

  @Test
  void loadBalancersMayProbeHealthWithHead() {
    assertThat(raw("HEAD", "/health/live").status()).isEqualTo(200);
    assertThat(raw("HEAD", "/health/ready").status()).isEqualTo(200);
  }

  @Test
  void theReferenceIsServedFromTheServiceItself() {
    var page = raw("GET", "/docs");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertThat(page.text()).contains("/docs/swagger-ui-bundle.js", "/docs/initializer.js");

    var bundle = raw("GET", "/docs/swagger-ui-bundle.js");
    assertThat(bundle.status()).isEqualTo(200);
    assertThat(bundle.body().length).isGreaterThan(100_000);

    var initializer = raw("GET", "/docs/initializer.js");
    assertThat(initializer.status()).isEqualTo(200);
    assertThat(initializer.text()).contains("url: \"/openapi.yaml\"");
    assertThat(raw("GET", "/openapi.yaml").status()).isEqualTo(200);
  }
}
