package com.customerservice.adapter.http.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerservice.adapter.http.ApiTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What an attacker can send with nothing but HTTP, written byte for byte: every answer is the JSON
 * envelope with a request id, nothing is echoed at length, and no header turns a safe request into
 * a destructive one.
 */
class HostileInputTest extends ApiTestSupport {
  private RawHttp raw;
  private String id;

  @BeforeEach
  void customer() {
    raw = new RawHttp(server.port());
    id = onboard("+258840000001");
  }

  private static void assertEnvelope(RawHttp.Answer answer, int status, String code) {
    assertThat(answer.status()).as(answer.text()).isEqualTo(status);
    assertThat(answer.header("Content-Type")).startsWith("application/json");
    assertThat(answer.header("Request-Id")).isNotBlank();
    JsonNode body = answer.json();
    assertThat(body.path("object").asText()).isEqualTo("error");
    assertThat(body.path("error").path("code").asText()).isEqualTo(code);
    assertThat(body.path("request_id").asText()).isEqualTo(answer.header("Request-Id"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override"})
  void aMethodOverrideHeaderIsRefusedAndChangesNothing(String header) {
    var answer = raw.send("GET /v1/customers/" + id + " HTTP/1.1\r\n" + header + ": DELETE");
    assertEnvelope(answer, 400, "method_override_refused");
    assertThat(app.customers.findActive(app.get.get(id).id())).isPresent();
  }

  @Test
  void badPercentEncodingInThePathIsTheEnvelope() {
    assertEnvelope(raw.send("GET /v1/customers/%zz HTTP/1.1"), 400, "request_invalid");
  }

  @Test
  void anOverlongUriIsTheEnvelope() {
    assertEnvelope(
        raw.send("GET /v1/customers/" + "a".repeat(20_000) + " HTTP/1.1"), 414, "uri_too_long");
  }

  @Test
  void overlongHeadersAreTheEnvelope() {
    assertEnvelope(
        raw.send("GET /health/live HTTP/1.1\r\nX-Junk: " + "a".repeat(20_000)),
        431,
        "headers_too_large");
  }

  @Test
  void anUnsupportedProtocolVersionIsTheEnvelope() {
    assertEnvelope(raw.send("GET /health/live HTTP/1.7"), 505, "http_version_not_supported");
  }

  @Test
  void anUnknownFieldNameIsEchoedAtMostSixtyFourCharacters() {
    String name = "x".repeat(20_000);
    var answer = raw.json("PUT /v1/customers/" + id + " HTTP/1.1", "{\"" + name + "\":\"v\"}");
    assertEnvelope(answer, 400, "parameter_unknown");
    assertThat(answer.json().path("error").path("param").asText().length()).isLessThanOrEqualTo(65);
    assertThat(answer.json().path("error").path("message").asText().length())
        .isLessThanOrEqualTo(100);
    assertThat(answer.body().length).isLessThan(1_000);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Jo\\u202Ehn", // right-to-left override
        "Jo\\u200Bhn", // zero-width space
        "Jo\\ud800hn", // unpaired surrogate (Jackson decodes it; no encoding can store it)
      })
  void namesThatDoNotShowAsThemselvesAreRefused(String escaped) {
    var answer =
        raw.json("PUT /v1/customers/" + id + " HTTP/1.1", "{\"first_name\":\"" + escaped + "\"}");
    assertEnvelope(answer, 400, "parameter_invalid");
    assertThat(answer.json().path("error").path("param").asText()).isEqualTo("first_name");
  }

  @Test
  void everyV1AnswerForbidsCaching() {
    assertThat(raw.send("GET /v1/customers/" + id + " HTTP/1.1").header("Cache-Control"))
        .isEqualTo("no-store");
    assertThat(raw.send("GET /v1/customers/cus_nope HTTP/1.1").header("Cache-Control"))
        .isEqualTo("no-store");
  }
}
