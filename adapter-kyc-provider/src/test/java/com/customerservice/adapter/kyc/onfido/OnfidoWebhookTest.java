package com.customerservice.adapter.kyc.onfido;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerservice.domain.port.KycVerifier.CallbackReading;
import com.customerservice.domain.port.KycVerifier.VendorMessage;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Onfido's webhooks: {@code X-SHA2-Signature} over the raw body, checked against the official
 * library's test vector; an authentic check event names the check to poll, and nothing more.
 */
class OnfidoWebhookTest {
  /** From onfido-java's webhook verifier tests (vendors.md). */
  private static final String TOKEN = "wU99mE6jJ7nXOLFwZ0tJymM1lpI15pZh";

  private static final String BODY =
      "{\"payload\":{\"resource_type\":\"check\",\"action\":\"check.completed\",\"object\":{\"id\":"
          + "\"f2302f45-227d-413d-ad61-09ec077a086a\",\"status\":\"complete\",\"completed_at_iso8601\":"
          + "\"2024-04-04T09:21:21Z\",\"href\":\"https://api.onfido.com/v3.6/checks/"
          + "f2302f45-227d-413d-ad61-09ec077a086a\"}}}";
  private static final String SIGNATURE =
      "77ebc3e418f26be6eebb47f7ebe551321de26734fc273961e075fc9ab163d9c7";
  private static final String CHECK_ID = "f2302f45-227d-413d-ad61-09ec077a086a";

  private final OnfidoWebhook webhook = new OnfidoWebhook(TOKEN, new ObjectMapper());

  private static VendorMessage message(String body, Map<String, String> headers) {
    return new VendorMessage(body.getBytes(StandardCharsets.UTF_8), headers);
  }

  private static VendorMessage signed(String body) {
    return message(
        body,
        Map.of(
            OnfidoWebhook.SIGNATURE,
            FakeOnfido.signature(TOKEN, body.getBytes(StandardCharsets.UTF_8))));
  }

  private static String reason(CallbackReading reading) {
    assertThat(reading).isInstanceOf(CallbackReading.NotAuthentic.class);
    return ((CallbackReading.NotAuthentic) reading).reason();
  }

  @Test
  void theOfficialTestVectorSignsAndVerifies() {
    byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
    assertThat(webhook.sign(body)).isEqualTo(SIGNATURE);
    assertThat(webhook.verifies(body, Optional.of(SIGNATURE))).isTrue();
    assertThat(FakeOnfido.signature(TOKEN, body)).isEqualTo(SIGNATURE);
  }

  @Test
  void theOfficialWebhookIsAboutTheCheckItNames() {
    assertThat(webhook.read(message(BODY, Map.of("x-sha2-signature", SIGNATURE))))
        .isEqualTo(new CallbackReading.AboutJob(CHECK_ID));
  }

  @Test
  void aSignatureInCapitalsStillVerifies() {
    assertThat(
            webhook.read(
                message(BODY, Map.of("x-sha2-signature", SIGNATURE.toUpperCase(Locale.ROOT)))))
        .isEqualTo(new CallbackReading.AboutJob(CHECK_ID));
  }

  @Test
  void aTamperedBodyIsNotAuthentic() {
    String tampered = BODY.replace("check.completed", "check.completex");
    assertThat(reason(webhook.read(message(tampered, Map.of("x-sha2-signature", SIGNATURE)))))
        .contains("does not verify");
    String spaced = BODY.replace(",", ", ");
    assertThat(webhook.read(message(spaced, Map.of("x-sha2-signature", SIGNATURE))))
        .as("the bytes are signed, not the JSON they parse to")
        .isInstanceOf(CallbackReading.NotAuthentic.class);
  }

  @Test
  void aMissingOrMalformedSignatureIsNotAuthentic() {
    assertThat(reason(webhook.read(message(BODY, Map.of())))).contains("no X-SHA2-Signature");
    for (String claimed : new String[] {"", "zz", SIGNATURE.substring(1), SIGNATURE + "00"}) {
      assertThat(webhook.read(message(BODY, Map.of("x-sha2-signature", claimed))))
          .as(claimed)
          .isInstanceOf(CallbackReading.NotAuthentic.class);
    }
  }

  @Test
  void anotherTokensSignatureIsNotAuthentic() {
    byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
    assertThat(
            webhook.read(
                new VendorMessage(
                    body, Map.of("x-sha2-signature", FakeOnfido.signature("another-token", body)))))
        .isInstanceOf(CallbackReading.NotAuthentic.class);
  }

  @Test
  void authenticEventsAboutAnythingButACheckAreAboutNoJob() {
    String report =
        new String(
            FakeOnfido.webhookBody(
                "report", "report.completed", "0e7d5f8a-4c8f-4b61-9c3f-5b8e2b7f1a11", "complete"),
            StandardCharsets.UTF_8);
    assertThat(webhook.read(signed(report))).isEqualTo(new CallbackReading.AboutNoJob());
    assertThat(webhook.read(signed("not json"))).isEqualTo(new CallbackReading.AboutNoJob());
    assertThat(webhook.read(signed("{\"payload\":{\"resource_type\":\"check\"}}")))
        .isEqualTo(new CallbackReading.AboutNoJob());
    assertThat(
            webhook.read(
                signed("{\"payload\":{\"resource_type\":\"check\",\"object\":{\"id\":\"../x\"}}}")))
        .isEqualTo(new CallbackReading.AboutNoJob());
  }

  @Test
  void aWithdrawnCheckIsAnnouncedToo() {
    String withdrawn =
        new String(
            FakeOnfido.webhookBody("check", "check.withdrawn", CHECK_ID, "withdrawn"),
            StandardCharsets.UTF_8);
    assertThat(webhook.read(signed(withdrawn))).isEqualTo(new CallbackReading.AboutJob(CHECK_ID));
  }
}
