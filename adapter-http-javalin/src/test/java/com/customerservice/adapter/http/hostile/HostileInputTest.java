package com.customerservice.adapter.http.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerservice.adapter.http.ApiTestSupport;
import com.customerservice.application.service.GetReceiverService;
import com.customerservice.domain.customer.PhoneNumber;
import com.customerservice.domain.fixtures.TestImages;
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

  /**
   * A client that writes its whole request before it reads (as Node's http.request does) gets the
   * answer too: the server answered after reading part of the request, and closing at once with the
   * rest unread would reset the connection and lose the answer. 8 MiB is more than the loopback's
   * socket buffers hold, so without a graceful close the write itself fails.
   */
  /** Each says the connection closes, so a keep-alive client does not send another on it. */
  @Test
  void refusedBeforeRoutingTheConnectionSaysItCloses() {
    assertThat(
            raw.send("GET /v1/customers/" + "a".repeat(20_000) + " HTTP/1.1").header("Connection"))
        .isEqualToIgnoringCase("close");
    assertThat(
            raw.send("GET /health/live HTTP/1.1\r\nX-Junk: " + "a".repeat(20_000))
                .header("Connection"))
        .isEqualToIgnoringCase("close");
  }

  @Test
  void aClientStillSendingWhenRefusedReadsTheWholeEnvelope() {
    byte[] body = new byte[8 * 1024 * 1024];
    for (int i = 0; i < 3; i++) {
      assertEnvelope(
          raw.send("POST /v1/customers/" + "a".repeat(20_000) + " HTTP/1.1", body),
          414,
          "uri_too_long");
      assertEnvelope(
          raw.send("POST /v1/customers/initiate HTTP/1.1\r\nX-Junk: " + "a".repeat(20_000), body),
          431,
          "headers_too_large");
    }
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

  private RawHttp.Answer upload(String path, String part, byte[] image) {
    String boundary = "hostile";
    var body = new java.io.ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\""
                + part
                + "\"; filename=\"x.png\"\r\nContent-Type: image/png\r\n\r\n")
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    body.writeBytes(image);
    body.writeBytes(
        ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    return raw.send(
        "POST " + path + " HTTP/1.1\r\nContent-Type: multipart/form-data; boundary=" + boundary,
        body.toByteArray());
  }

  @Test
  void aDecompressionBombIsRefusedFromItsHeader() {
    byte[] bomb = TestImages.withJpegSize(TestImages.jpeg(16, 16), 6320, 6320);
    long started = System.nanoTime();
    var answer = upload("/v1/customers/" + id + "/profile/picture", "image", bomb);
    assertEnvelope(answer, 413, "file_too_large");
    assertThat(java.time.Duration.ofNanos(System.nanoTime() - started))
        .isLessThan(java.time.Duration.ofSeconds(2));
  }

  @Test
  void sixteenBitAndTruncatedPngsAre415() {
    assertEnvelope(
        upload("/v1/customers/" + id + "/profile/picture", "image", TestImages.png16(64, 64)),
        415,
        "image_invalid");
    byte[] png = TestImages.png(400, 300);
    assertEnvelope(
        upload(
            "/v1/customers/" + id + "/profile/picture", "image", java.util.Arrays.copyOf(png, 60)),
        415,
        "image_invalid");
  }

  @ParameterizedTest
  @ValueSource(strings = {"+979123456789", "+881612345678", "+258212345678"})
  void codesAreNotSentToPremiumSatelliteOrLandlineNumbers(String phone) {
    var answer =
        raw.json("POST /v1/customers/initiate HTTP/1.1", "{\"phone_number\":\"" + phone + "\"}");
    assertEnvelope(answer, 400, "phone_number_unsupported");
    assertThat(app.sms.sent()).hasSize(1); // only the set-up's own code
  }

  @Test
  void receiversCannotBeEnumeratedFasterThanTheBudget() {
    RawHttp.Answer last = null;
    for (int i = 0; i <= GetReceiverService.DEFAULT_BURST; i++) {
      last = raw.send(String.format("GET /v1/customers/get-receiver/%%2B2588400%05d HTTP/1.1", i));
    }
    assertEnvelope(last, 429, "rate_limited");
    assertThat(last.header("Retry-After")).isNotBlank();
  }

  @Test
  void aUsedSessionLocksAndItsCodeStopsWorking() {
    var started =
        raw.json("POST /v1/customers/initiate HTTP/1.1", "{\"phone_number\":\"+258840000002\"}");
    String session = started.json().path("session_id").asText();
    String code = app.sms.lastCodeFor(new PhoneNumber("+258840000002")).orElseThrow().digits();
    String wrong = code.equals("000000") ? "111111" : "000000";
    String verify = "{\"session_id\":\"" + session + "\",\"verification_code\":\"%s\"}";
    assertThat(raw.json("POST /v1/customers HTTP/1.1", String.format(verify, code)).status())
        .isEqualTo(201);
    for (int i = 0; i < 5; i++) {
      raw.json("POST /v1/customers HTTP/1.1", String.format(verify, wrong));
    }
    var replay = raw.json("POST /v1/customers HTTP/1.1", String.format(verify, code));
    assertEnvelope(replay, 429, "too_many_attempts");
    assertThat(replay.header("Retry-After")).isNull();
  }
}
