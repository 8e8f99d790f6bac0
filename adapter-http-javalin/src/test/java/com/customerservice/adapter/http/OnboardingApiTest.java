package com.customerservice.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerservice.domain.customer.PhoneNumber;
import com.customerservice.domain.verification.PhoneVerificationSession;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OnboardingApiTest extends ApiTestSupport {

  @ParameterizedTest
  @ValueSource(strings = {"258830000000", "+258 83 000 0000", "+1234", "+99912345678", ""})
  void anInvalidPhoneIs400NamingTheField(String phone) {
    var reply = api.postJson("/v1/customers/initiate", "{\"phone_number\":\"" + phone + "\"}");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorCode()).isEqualTo("phone_number_invalid");
    assertThat(reply.errorParam()).isEqualTo("phone_number");
    assertThat(reply.json().path("error").path("type").asText()).isEqualTo("invalid_request_error");
  }

  @Test
  void malformedJsonIs400() {
    var reply = api.postJson("/v1/customers/initiate", "{\"phone_number\":");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorCode()).isEqualTo("body_invalid");
  }

  @Test
  void aJsonArrayIs400() {
    var reply = api.postJson("/v1/customers/initiate", "[\"+258830000000\"]");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorCode()).isEqualTo("body_invalid");
  }

  @Test
  void aMissingFieldIs400NamingIt() {
    var reply = api.postJson("/v1/customers/initiate", "{}");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorCode()).isEqualTo("parameter_missing");
    assertThat(reply.errorParam()).isEqualTo("phone_number");
  }

  @Test
  void aWrongTypeIs400NamingTheField() {
    var reply =
        api.send(
            "POST",
            "/v1/customers/initiate",
            "application/json",
            "{\"phone_number\":258830000000}".getBytes(StandardCharsets.UTF_8),
            Map.of(),
            false);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorCode()).isEqualTo("parameter_invalid");
    assertThat(reply.errorParam()).isEqualTo("phone_number");
  }

  @Test
  void anUnknownFieldIs400NamingIt() {
    var reply =
        api.send(
            "POST",
            "/v1/customers/initiate",
            "application/json",
            "{\"phone_number\":\"+258830000000\",\"phone\":\"x\"}".getBytes(StandardCharsets.UTF_8),
            Map.of(),
            false);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorCode()).isEqualTo("parameter_unknown");
    assertThat(reply.errorParam()).isEqualTo("phone");
  }

  @Test
  void aBodyThatIsNotDeclaredJsonIs415() {
    var reply =
        api.send(
            "POST",
            "/v1/customers/initiate",
            "text/plain",
            "{\"phone_number\":\"+258830000000\"}".getBytes(StandardCharsets.UTF_8),
            Map.of(),
            false);
    assertThat(reply.status()).isEqualTo(415);
    assertThat(reply.errorCode()).isEqualTo("content_type_invalid");
  }

  @Test
  void aBodyOverOneMebibyteIs413() {
    String huge = "{\"phone_number\":\"" + "1".repeat(2 * 1024 * 1024) + "\"}";
    var reply =
        api.send(
            "POST",
            "/v1/customers/initiate",
            "application/json",
            huge.getBytes(StandardCharsets.UTF_8),
            Map.of(),
            false);
    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.errorCode()).isEqualTo("request_too_large");
  }

  @Test
  void initiateAnswers201WithASessionAndNoCodeOutsideTheSandbox() {
    var reply = initiate("+258830000000");
    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.json().path("object").asText()).isEqualTo("phone_verification_session");
    assertThat(reply.json().path("session_id").asText()).matches("pvs_[A-Za-z0-9]{24}");
    assertThat(reply.json().has("otp")).isFalse();
  }

  @Test
  void aSecondInitiateWithinThirtySecondsIs429WithRetryAfter() {
    initiate("+258830000000");
    app.clock.advance(Duration.ofSeconds(10));
    var reply = initiate("+258830000000");
    assertThat(reply.status()).isEqualTo(429);
    assertThat(reply.errorCode()).isEqualTo("rate_limited");
    assertThat(reply.header("Retry-After")).isEqualTo("20");
    assertThat(reply.json().path("error").path("type").asText()).isEqualTo("rate_limit_error");
  }

  @Test
  void aRegisteredPhoneIs409() {
    onboard("+258830000000");
    var reply = initiate("+258830000000");
    assertThat(reply.status()).isEqualTo(409);
    assertThat(reply.errorCode()).isEqualTo("phone_number_taken");
  }

  @Test
  void anSmsOutageIs503() {
    app.sms.setDown(true);
    var reply = initiate("+258830000000");
    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.errorCode()).isEqualTo("otp_delivery_failed");
    assertThat(reply.text()).doesNotContain("gateway is down");
  }

  @Test
  void verifyCreatesTheCustomerWith201AndLocation() {
    var started = initiate("+258830000000");
    String code = app.sms.lastCodeFor(new PhoneNumber("+258830000000")).orElseThrow().digits();
    var reply = verify(started.json().path("session_id").asText(), code);
    assertThat(reply.status()).isEqualTo(201);
    String id = reply.json().path("customer_id").asText();
    assertThat(id).matches("cus_[A-Za-z0-9]{24}");
    assertThat(reply.json().path("object").asText()).isEqualTo("verification");
    assertThat(reply.json().path("verified").asBoolean()).isTrue();
    assertThat(reply.header("Location")).isEqualTo("/v1/customers/" + id);

    var replay = verify(started.json().path("session_id").asText(), code);
    assertThat(replay.json().path("customer_id").asText()).isEqualTo(id);
  }

  @Test
  void anUnknownSessionIs404() {
    var reply =
        api.postJson(
            "/v1/customers", "{\"session_id\":\"pvs_abc12345\",\"verification_code\":\"123456\"}");
    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.errorCode()).isEqualTo("resource_missing");
    assertThat(reply.errorParam()).isEqualTo("session_id");
  }

  @Test
  void aCodeThatIsNotSixDigitsIs400() {
    var started = initiate("+258830000000");
    var reply = verify(started.json().path("session_id").asText(), "12ab");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorParam()).isEqualTo("verification_code");
  }

  @Test
  void wrongCodesAre400ThenTheFifthLocksWith429() {
    var started = initiate("+258830000000");
    String session = started.json().path("session_id").asText();
    String right = app.sms.lastCodeFor(new PhoneNumber("+258830000000")).orElseThrow().digits();
    String wrong = right.equals("000000") ? "111111" : "000000";
    for (int i = 0; i < 4; i++) {
      var reply = verify(session, wrong);
      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.errorCode()).isEqualTo("verification_code_incorrect");
      assertThat(reply.json().path("error").path("type").asText()).isEqualTo("verification_error");
    }
    var fifth = verify(session, wrong);
    assertThat(fifth.status()).isEqualTo(429);
    assertThat(fifth.errorCode()).isEqualTo("too_many_attempts");
    assertThat(fifth.header("Retry-After")).as("a locked session never unlocks").isNull();
    var right6 = verify(session, right);
    assertThat(right6.status()).isEqualTo(429);
  }

  @Test
  void anExpiredCodeIs400() {
    var started = initiate("+258830000000");
    String code = app.sms.lastCodeFor(new PhoneNumber("+258830000000")).orElseThrow().digits();
    app.clock.advance(PhoneVerificationSession.LIFETIME);
    var reply = verify(started.json().path("session_id").asText(), code);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorCode()).isEqualTo("verification_session_expired");
  }
}
