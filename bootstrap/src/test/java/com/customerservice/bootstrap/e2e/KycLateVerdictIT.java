package com.customerservice.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerservice.adapter.persistence.TestDatabase;
import com.customerservice.bootstrap.ServiceProcess;
import com.customerservice.domain.fixtures.TestImages;
import com.customerservice.testkit.fakes.MutableClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox's late verdicts (selfie widths 423–426) end to end over HTTP, on the real application
 * with its persistent scheduler, whose clock the test moves; and a pending check that outlives a
 * {@code kill -9} of the jar.
 */
class KycLateVerdictIT {
  @TempDir static Path dataDir;
  private static final MutableClock CLOCK = new MutableClock(Instant.now());
  private static final Duration PATIENCE = Duration.ofSeconds(15);
  private static RunningService service;
  private static int phones;

  @BeforeAll
  static void start() {
    service = RunningService.start(RunningService.sandboxOnFreshSchema(dataDir), CLOCK);
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  /** A customer who sent a document and a selfie {@code width} px wide; returns its id. */
  private static String selfieOfWidth(int width) {
    String id = service.onboard("+25884300" + String.format("%04d", phones++));
    String reference =
        service
            .upload(
                "/v1/customers/" + id + "/upload-document",
                Map.of("doc_type", "MZ_PASSPORT"),
                Map.of("image1", TestImages.jpeg(400, 260)))
            .json()
            .path("reference")
            .asText();
    var selfie =
        service.upload(
            "/v1/customers/" + id + "/upload-selfie",
            Map.of("reference", reference),
            Map.of("image", TestImages.jpeg(width, 500)));
    assertThat(selfie.status()).isEqualTo(200);
    assertThat(selfie.json().path("result").asText()).isEqualTo("processing");
    return id;
  }

  private static JsonNode kycCase(String id) {
    return service.get("/v1/customers/" + id + "/kyc").json();
  }

  /**
   * Waits (the scheduler looks for due work every second) until the case satisfies {@code done}.
   */
  private static JsonNode awaitCase(String id, Predicate<JsonNode> done) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    JsonNode kyc = kycCase(id);
    while (!done.test(kyc) && System.nanoTime() < deadline) {
      Thread.sleep(200);
      kyc = kycCase(id);
    }
    return kyc;
  }

  private static boolean decided(JsonNode kyc) {
    return !kyc.path("checks").get(0).path("status").asText().equals("pending");
  }

  @Test
  void theSandboxsLateVerdictsArriveByTheServicesOwnPolls() throws Exception {
    String verified = selfieOfWidth(423);
    String review = selfieOfWidth(424);
    String mismatch = selfieOfWidth(425);
    String never = selfieOfWidth(426);
    assertThat(kycCase(verified).path("checks").get(0).path("status").asText())
        .isEqualTo("pending");

    CLOCK.advance(Duration.ofSeconds(10));
    assertThat(awaitCase(verified, KycLateVerdictIT::decided).path("kyc_status").asText())
        .isEqualTo("verified");
    JsonNode reviewed = awaitCase(review, k -> !k.path("open_review").isNull());
    assertThat(reviewed.path("checks").get(0).path("status").asText()).isEqualTo("in_review");
    assertThat(
            service
                .get("/v1/kyc/reviews/" + reviewed.path("open_review").asText())
                .json()
                .path("reason")
                .asText())
        .isEqualTo("vendor_review");
    JsonNode failed = awaitCase(mismatch, KycLateVerdictIT::decided);
    assertThat(failed.path("checks").get(0).path("result").asText()).isEqualTo("match");
    assertThat(failed.path("failed_attempts").asInt()).isEqualTo(1);
    assertThat(failed.path("kyc_status").asText()).isEqualTo("pending");
    assertThat(kycCase(never).path("checks").get(0).path("status").asText()).isEqualTo("pending");

    CLOCK.advance(Duration.ofHours(24));
    JsonNode expired = awaitCase(never, k -> !k.path("open_review").isNull());
    assertThat(expired.path("checks").get(0).path("status").asText()).isEqualTo("expired");
    JsonNode timeout =
        service.get("/v1/kyc/reviews/" + expired.path("open_review").asText()).json();
    assertThat(timeout.path("reason").asText()).isEqualTo("vendor_timeout");

    JsonNode events =
        service.get("/v1/events?type=customer.kyc.review_required&customer_id=" + never).json();
    assertThat(events.path("data").get(0).path("actor").path("type").asText()).isEqualTo("system");
    assertThat(events.path("data").get(0).path("actor").path("name").asText())
        .isEqualTo("scheduler");
  }

  /** The jar killed with a check pending: the next instance on the same database finishes it. */
  @Test
  void aPendingCheckOutlivesAKillOfItsInstance(@TempDir Path dir) throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("DATABASE_URL", TestDatabase.freshSchemaUrl());
    env.put("DATA_DIR", dir.resolve("data").toString());
    HttpClient http = HttpClient.newHttpClient();
    String id;
    try (ServiceProcess first = ServiceProcess.start(dir, env)) {
      RunningService.Client client = new RunningService.Client(http, first.origin());
      id = client.onboard("+258843100001");
      String reference =
          client
              .upload(
                  "/v1/customers/" + id + "/upload-document",
                  Map.of("doc_type", "MZ_PASSPORT"),
                  Map.of("image1", TestImages.jpeg(400, 260)))
              .json()
              .path("reference")
              .asText();
      assertThat(
              client
                  .upload(
                      "/v1/customers/" + id + "/upload-selfie",
                      Map.of("reference", reference),
                      Map.of("image", TestImages.jpeg(423, 500)))
                  .json()
                  .path("result")
                  .asText())
          .isEqualTo("processing");
      first.kill();
    }
    try (ServiceProcess second = ServiceProcess.start(dir, env)) {
      long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
      String status = "pending";
      while (!status.equals("verified") && System.nanoTime() < deadline) {
        Thread.sleep(500);
        HttpResponse<String> customer =
            http.send(
                HttpRequest.newBuilder(URI.create(second.origin() + "/v1/customers/" + id)).build(),
                HttpResponse.BodyHandlers.ofString());
        status =
            RunningService.JSON
                .readTree(customer.body())
                .path("customer")
                .path("kyc_status")
                .asText();
      }
      assertThat(status).as(second.log()).isEqualTo("verified");
    }
  }
}
