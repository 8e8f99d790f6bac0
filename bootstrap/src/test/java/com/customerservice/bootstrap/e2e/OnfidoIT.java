package com.customerservice.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerservice.adapter.kyc.onfido.FakeOnfido;
import com.customerservice.adapter.kyc.onfido.FakeOnfido.Outcome;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service wired to Onfido ({@code KYC_PROVIDER=onfido}) against a fake Onfido: a selfie whose
 * check is still running is pending until Onfido's signed webhook names the check and the service
 * reads the verdict; a {@code consider} opens a review; a forged webhook changes nothing.
 */
class OnfidoIT {
  private static final String CALLBACK = "/v1/kyc/callbacks/onfido";

  private final FakeOnfido onfido = new FakeOnfido(2_000);

  @AfterEach
  void stopFake() {
    onfido.close();
  }

  private RunningService start(Path dataDir) {
    Map<String, String> env = RunningService.sandboxOnFreshSchema(dataDir);
    env.put("KYC_PROVIDER", "onfido");
    env.put("ONFIDO_API_TOKEN", FakeOnfido.API_TOKEN);
    env.put("ONFIDO_WEBHOOK_TOKEN", FakeOnfido.WEBHOOK_TOKEN);
    env.put("ONFIDO_BASE_URL", onfido.baseUrl().toString());
    RunningService service = RunningService.start(env);
    onfido.sendWebhooksTo(service.url(CALLBACK));
    return service;
  }

  /**
   * A new customer with an identity card uploaded (whose fields Onfido reads only in the check) and
   * a selfie the service answered as still processing; the customer's id.
   */
  private static String pendingCustomer(RunningService service, String phone) {
    String id = service.onboard(phone);
    var document = service.uploadIdentityCard(id);
    assertThat(document.status()).isEqualTo(200);
    assertThat(document.json().path("id_number").isNull()).isTrue();
    var selfie = service.uploadSelfie(id, document.json().path("reference").asText());
    assertThat(selfie.status()).isEqualTo(200);
    assertThat(selfie.json().path("status").asBoolean()).isFalse();
    assertThat(selfie.json().path("result").asText()).isEqualTo("processing");
    assertThat(service.kycStatus(id)).isEqualTo("pending");
    return id;
  }

  private String lastCheck() {
    List<String> checks = onfido.checkIds();
    return checks.get(checks.size() - 1);
  }

  @Test
  void aCheckStillRunningIsDecidedByOnfidosWebhookAndTheCustomerVerified(@TempDir Path dataDir) {
    onfido.holdEveryCheck(true);
    try (RunningService service = start(dataDir)) {
      String id = pendingCustomer(service, "+258841119201");

      onfido.finish(lastCheck(), Outcome.clear());

      assertThat(service.kycStatus(id)).isEqualTo("verified");
      JsonNode kyc = service.get("/v1/customers/" + id + "/kyc").json();
      JsonNode check = kyc.path("checks").path(0);
      assertThat(check.path("vendor").asText()).isEqualTo("onfido");
      assertThat(check.path("status").asText()).isEqualTo("decided");
      assertThat(check.path("result").asText()).isEqualTo("verified");
      assertThat(kyc.path("document").path("extracted").path("first_name").asText())
          .isEqualTo("Ana Maria");
    }
  }

  @Test
  void aConsiderOpensAReviewWithOnfidosFindingsAndTheCustomerStaysPending(@TempDir Path dataDir) {
    onfido.decideUnscriptedChecks(
        Outcome.consider("facial_similarity_photo", "face_comparison", "face_match"));
    try (RunningService service = start(dataDir)) {
      String id = pendingCustomer(service, "+258841119202");

      JsonNode reviews = service.get("/v1/kyc/reviews?status=open").json().path("data");
      assertThat(reviews).hasSize(1);
      JsonNode review = reviews.get(0);
      assertThat(review.path("customer_id").asText()).isEqualTo(id);
      assertThat(review.path("reason").asText()).isEqualTo("vendor_review");
      assertThat(review.path("vendor").asText()).isEqualTo("onfido");
      JsonNode face = review.path("vendor_findings").path("facial_similarity_photo");
      assertThat(face.path("breakdown").path("face_comparison").path("face_match").asText())
          .isEqualTo("consider");
    }
  }

  @Test
  void aForgedWebhookIs401AndChangesNothing(@TempDir Path dataDir) {
    onfido.holdEveryCheck(true);
    try (RunningService service = start(dataDir)) {
      String id = pendingCustomer(service, "+258841119203");
      byte[] body = FakeOnfido.webhookBody("check", "check.completed", lastCheck(), "complete");
      String text = new String(body, StandardCharsets.UTF_8);

      var forged =
          service.post(
              CALLBACK,
              text,
              Map.of("X-SHA2-Signature", FakeOnfido.signature("a-guessed-token", body)));
      assertThat(forged.status()).isEqualTo(401);
      assertThat(service.post(CALLBACK, text).status()).as("unsigned").isEqualTo(401);
      assertThat(service.kycStatus(id)).isEqualTo("pending");

      var genuine =
          service.post(
              CALLBACK,
              text,
              Map.of("X-SHA2-Signature", FakeOnfido.signature(FakeOnfido.WEBHOOK_TOKEN, body)));
      assertThat(genuine.status())
          .as("authentic, but Onfido has not finished the check: nothing to apply yet")
          .isEqualTo(200);
      assertThat(service.kycStatus(id)).isEqualTo("pending");
    }
  }
}
