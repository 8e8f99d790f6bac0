package com.customerservice.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerservice.adapter.kyc.SandboxKycVerifier;
import com.customerservice.domain.fixtures.TestImages;
import com.customerservice.testkit.fakes.MutableClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every user journey over HTTP against the real application and a real PostgreSQL. */
class CustomerJourneysIT {
  @TempDir static Path dataDir;
  private static final MutableClock CLOCK = new MutableClock(Instant.now());
  private static RunningService service;

  @BeforeAll
  static void start() {
    service = RunningService.start(RunningService.sandboxOnFreshSchema(dataDir), CLOCK);
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  private static String kycStatus(String id) {
    return service.get("/v1/customers/" + id).json().path("customer").path("kyc_status").asText();
  }

  private static String uploadDocument(String id, int frontWidth) {
    var reply =
        service.upload(
            "/v1/customers/" + id + "/upload-document",
            Map.of("doc_type", "MZ_BI"),
            Map.of(
                "image1", TestImages.jpeg(frontWidth, 260), "image2", TestImages.jpeg(400, 260)));
    return reply.status() == 200
        ? reply.json().path("reference").asText()
        : "status " + reply.status();
  }

  private static JsonNode selfie(String id, String reference, int width) {
    var reply =
        service.upload(
            "/v1/customers/" + id + "/upload-selfie",
            Map.of("reference", reference),
            Map.of("image", TestImages.jpeg(width, 500)));
    assertThat(reply.status()).isEqualTo(200);
    return reply.json();
  }

  @Test
  void onboardingAndProfile() {
    var started = service.post("/v1/customers/initiate", "{\"phone_number\":\"+258841110001\"}");
    assertThat(started.status()).isEqualTo(201);
    assertThat(started.json().path("otp").asText()).matches("[0-9]{6}");
    var verified =
        service.post(
            "/v1/customers",
            "{\"session_id\":\""
                + started.json().path("session_id").asText()
                + "\",\"verification_code\":\""
                + started.json().path("otp").asText()
                + "\"}");
    assertThat(verified.status()).isEqualTo(201);
    String id = verified.json().path("customer_id").asText();
    assertThat(verified.header("Location")).isEqualTo("/v1/customers/" + id);

    var updated =
        service.put(
            "/v1/customers/" + id,
            "{\"first_name\":\"John\",\"last_name\":\"Doe\",\"tax_id\":\"123456789\",\"nuib\":\"NUIB-1\","
                + "\"address\":\"Av. Julius Nyerere^Maputo^Mozambique^1100\"}");
    assertThat(updated.status()).isEqualTo(200);
    JsonNode customer = service.get("/v1/customers/" + id).json().path("customer");
    assertThat(customer.path("first_name").asText()).isEqualTo("John");
    assertThat(customer.path("tax_id").asText()).isEqualTo("***encrypted***");
    assertThat(customer.path("address").path("postal_code").asText()).isEqualTo("1100");
    assertThat(
            service.post("/v1/customers/initiate", "{\"phone_number\":\"+258841110001\"}").status())
        .isEqualTo(409);
  }

  @Test
  void kycPasses() {
    String id = service.onboard("+258841110002");
    String reference = uploadDocument(id, 400);
    assertThat(reference).startsWith("ref_");
    assertThat(kycStatus(id)).isEqualTo("pending");
    JsonNode verdict = selfie(id, reference, 300);
    assertThat(verdict.path("status").asBoolean()).isTrue();
    assertThat(kycStatus(id)).isEqualTo("verified");
    JsonNode customer = service.get("/v1/customers/" + id).json().path("customer");
    assertThat(customer.path("nationality_id").asText()).isEqualTo("***encrypted***");
    assertThat(customer.path("first_name").asText()).isNotBlank();
  }

  @Test
  void kycFailuresOneByOne() {
    String id = service.onboard("+258841110003");
    assertThat(uploadDocument(id, SandboxKycVerifier.EXPIRED_DOCUMENT_WIDTH))
        .isEqualTo("status 422");
    assertThat(kycStatus(id)).isEqualTo("unverified");
    String reference = uploadDocument(id, 400);
    assertThat(
            selfie(id, reference, SandboxKycVerifier.PROCESSING_ERROR_WIDTH)
                .path("result")
                .asText())
        .isEqualTo("processing");
    assertThat(selfie(id, reference, SandboxKycVerifier.NOT_LIVE_WIDTH).path("result").asText())
        .isEqualTo("live");
    assertThat(
            selfie(id, reference, SandboxKycVerifier.FACE_MISMATCH_WIDTH).path("result").asText())
        .isEqualTo("match");
    assertThat(kycStatus(id)).isEqualTo("pending");
    selfie(id, reference, SandboxKycVerifier.FACE_MISMATCH_WIDTH);
    assertThat(kycStatus(id)).isEqualTo("rejected");
  }

  @Test
  void pictureReceiverCloseAndReRegister() {
    String id = service.onboard("+258841110004");
    service.put(
        "/v1/customers/" + id, "{\"first_name\":\"Jane\",\"last_name\":\"Smith\",\"sex\":\"F\"}");
    var picture =
        service.upload(
            "/v1/customers/" + id + "/profile/picture",
            Map.of(),
            Map.of("image", TestImages.jpeg(1600, 1200)));
    assertThat(picture.status()).isEqualTo(200);
    String link =
        picture.json().path("customer").path("profile_picture").path("file_link").asText();
    var file = service.get(link);
    assertThat(file.status()).isEqualTo(200);
    assertThat(file.header("Content-Type")).startsWith("image/jpeg");

    for (String phone : new String[] {"+258841110004", "%2B258841110004"}) {
      JsonNode receiver = service.get("/v1/customers/get-receiver/" + phone).json();
      assertThat(receiver.path("id").asText()).isEqualTo(id);
      assertThat(receiver.path("first_name").asText()).isEqualTo("Jane");
      assertThat(receiver.path("profile_picture").path("file_link").asText()).isEqualTo(link);
    }

    var deleted = service.delete("/v1/customers/" + id);
    assertThat(deleted.json().path("deleted").asBoolean()).isTrue();
    assertThat(service.get("/v1/customers/" + id).status()).isEqualTo(404);
    assertThat(service.get("/v1/customers/get-receiver/+258841110004").status()).isEqualTo(404);
    assertThat(service.get(link).status()).isEqualTo(404);
    CLOCK.advance(Duration.ofSeconds(31)); // past the rate limit of the first onboarding
    String again = service.onboard("+258841110004");
    assertThat(again).startsWith("cus_").isNotEqualTo(id);
  }

  @Test
  void operations() {
    assertThat(service.get("/health/live").status()).isEqualTo(200);
    assertThat(service.get("/health/ready").json().path("status").asText()).isEqualTo("ready");
    assertThat(service.get("/openapi.yaml").status()).isEqualTo(200);
    service.get("/v1/customers");
    var metrics = service.get("/metrics");
    String text = new String(metrics.raw().body(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(text)
        .contains(
            "http_server_requests_seconds_count{method=\"GET\",route=\"/v1/customers\",status=\"200\"}")
        .contains("db_pool_active")
        .contains("jvm_memory_used_bytes")
        .doesNotContain("+2588411");
  }
}
