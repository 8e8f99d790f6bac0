package com.customerservice.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiKeyAuthenticationTest extends ApiTestSupport {
  @Override
  protected List<String> apiKeys() {
    return List.of("sk_test_first", "sk_test_second");
  }

  @Test
  void aMissingKeyIs401() {
    var reply = api.get("/v1/customers");
    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.errorCode()).isEqualTo("api_key_missing");
    assertThat(reply.json().path("error").path("type").asText()).isEqualTo("authentication_error");
    assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer");
  }

  @Test
  void aWrongKeyIs401OnEveryProtectedPath() {
    for (String path :
        List.of("/v1/customers", "/v1/customers/supported-documents", "/files/profiles/file_x")) {
      var reply =
          api.send("GET", path, null, null, Map.of("Authorization", "Bearer sk_test_wrong"), true);
      assertThat(reply.status()).as(path).isEqualTo(401);
      assertThat(reply.errorCode()).isEqualTo("api_key_invalid");
    }
    var notBearer =
        api.send(
            "GET",
            "/v1/customers",
            null,
            null,
            Map.of("Authorization", "Basic c2tfdGVzdF9maXJzdA=="),
            true);
    assertThat(notBearer.status()).isEqualTo(401);
  }

  @Test
  void anyConfiguredKeyIsAccepted() {
    assertThat(
            api.send(
                    "GET",
                    "/v1/customers",
                    null,
                    null,
                    Map.of("Authorization", "Bearer sk_test_first"),
                    true)
                .status())
        .isEqualTo(200);
    assertThat(
            api.send(
                    "GET",
                    "/v1/customers",
                    null,
                    null,
                    Map.of("Authorization", "bearer sk_test_second"),
                    true)
                .status())
        .isEqualTo(200);
  }

  @Test
  void healthAndTheOpenApiDocumentNeedNoKey() {
    assertThat(api.get("/health/live").status()).isEqualTo(200);
    assertThat(api.get("/health/ready").status()).isEqualTo(200);
    var doc = api.send("GET", "/openapi.yaml", null, null, Map.of(), false);
    assertThat(doc.status()).isEqualTo(200);
    assertThat(doc.text()).startsWith("openapi: 3.1.0");
  }
}
