package com.customerservice.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerservice.adapter.kyc.smileid.FakeSmileId;
import com.customerservice.testkit.fakes.MutableClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Smile ID's late verdicts end to end, against a fake that behaves as Smile ID documents: the job
 * finishes after the selfie's request, Smile ID calls back to {@code SMILE_ID_CALLBACK_URL}, and
 * the service reads the verdict from the signed {@code job_status}. The callback's body is never
 * believed: a replayed signature over another body decides nothing.
 */
class SmileIdLateVerdictIT {
  private static final String CALLBACK = "/v1/kyc/callbacks/smile_id";
  private static final Duration PATIENCE = Duration.ofSeconds(15);
  @TempDir static Path dataDir;
  private static final FakeSmileId SMILE_ID = new FakeSmileId(2_000);
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static RunningService service;
  private static int port;
  private static int phones;

  @BeforeAll
  static void start() {
    port = freePort();
    Map<String, String> env = RunningService.sandboxOnFreshSchema(dataDir);
    env.put("PORT", Integer.toString(port));
    env.put("KYC_PROVIDER", "smile_id");
    env.put("SMILE_ID_PARTNER_ID", FakeSmileId.PARTNER_ID);
    env.put("SMILE_ID_API_KEY", FakeSmileId.API_KEY);
    env.put("SMILE_ID_BASE_URL", SMILE_ID.baseUrl().toString());
    env.put("SMILE_ID_CALLBACK_URL", "http://127.0.0.1:" + port + CALLBACK);
    // Every verdict comes late: the selfie's request does not wait for Smile ID.
    env.put("KYC_VERDICT_WAIT", "PT0S");
    service = RunningService.start(env, new MutableClock(Instant.now()));
  }

  @AfterAll
  static void stop() {
    service.close();
    SMILE_ID.close();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A customer whose selfie Smile ID took as a job it has not finished; returns the customer. */
  private static String pendingCustomer() {
    String id = service.onboard("+25884400" + String.format("%04d", phones++));
    String reference = service.uploadIdentityCard(id).json().path("reference").asText();
    var selfie = service.uploadSelfie(id, reference);
    assertThat(selfie.status()).isEqualTo(200);
    assertThat(selfie.json().path("result").asText()).isEqualTo("processing");
    return id;
  }

  private static JsonNode kycCase(String id) {
    return service.get("/v1/customers/" + id + "/kyc").json();
  }

  private static String job(String id) {
    return kycCase(id).path("checks").get(0).path("vendor_reference").asText();
  }

  private static JsonNode awaitCase(String id, Predicate<JsonNode> done) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    JsonNode kyc = kycCase(id);
    while (!done.test(kyc) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      kyc = kycCase(id);
    }
    return kyc;
  }

  private static HttpResponse<String> postCallback(byte[] body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(service.url(CALLBACK)))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aVerdictSmileIdGivesAfterTheRequestArrivesByItsCallback() throws Exception {
    String id = pendingCustomer();
    SMILE_ID.finish(job(id), FakeSmileId.documentVerified("2031-05-01"));
    JsonNode kyc = awaitCase(id, k -> k.path("kyc_status").asText().equals("verified"));
    assertThat(kyc.path("kyc_status").asText()).isEqualTo("verified");
    assertThat(kyc.path("checks").get(0).path("result").asText()).isEqualTo("verified");
    assertThat(kyc.path("document").path("extracted").path("first_name").asText())
        .isEqualTo("Ana Maria");
    JsonNode verified =
        service.get("/v1/events?type=customer.kyc.verified&customer_id=" + id).json().path("data");
    assertThat(verified).hasSize(1);
    assertThat(verified.get(0).path("actor").path("type").asText()).isEqualTo("kyc_provider");
    assertThat(verified.get(0).path("actor").path("name").asText()).isEqualTo("smile_id");
  }

  @Test
  void aSignatureReplayedOverAnotherBodyDecidesNothingTheJobStatusAnswerWins() throws Exception {
    String finished = pendingCustomer();
    SMILE_ID.finish(
        job(finished), FakeSmileId.resultWith("0811", "Selfie_To_ID_Card_Compare", "Failed"));
    awaitCase(finished, k -> !k.path("checks").get(0).path("status").asText().equals("pending"));
    FakeSmileId.Callback seen = SMILE_ID.callbacksSent().get(SMILE_ID.callbacksSent().size() - 1);

    // Someone who saw that callback claims another customer's job was approved.
    String victim = pendingCustomer();
    ObjectNode forged = FakeSmileId.documentVerified("2031-05-01");
    forged.putObject("PartnerParams").put("job_id", job(victim)).put("user_id", victim);
    HttpResponse<String> replay = postCallback(seen.replayedBody(forged));
    assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
    assertThat(kycCase(victim).path("kyc_status").asText()).isEqualTo("pending");
    assertThat(kycCase(victim).path("checks").get(0).path("status").asText()).isEqualTo("pending");

    // What Smile ID's job_status says is what counts.
    SMILE_ID.finish(
        job(victim), FakeSmileId.resultWith("0811", "Selfie_To_ID_Card_Compare", "Failed"));
    JsonNode refused =
        awaitCase(victim, k -> !k.path("checks").get(0).path("status").asText().equals("pending"));
    assertThat(refused.path("checks").get(0).path("result").asText()).isEqualTo("match");
    assertThat(refused.path("failed_attempts").asInt()).isEqualTo(1);
  }

  @Test
  void aCallbackWithoutAValidSignatureIs401AndChangesNothing() throws Exception {
    String id = pendingCustomer();
    ObjectNode body = FakeSmileId.documentVerified("2031-05-01");
    body.putObject("PartnerParams").put("job_id", job(id)).put("user_id", id);
    body.put("timestamp", Instant.now().toString());
    body.put("signature", "Zm9yZ2Vk");
    HttpResponse<String> forged = postCallback(RunningService.JSON.writeValueAsBytes(body));
    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(forged.body()).contains("signature_invalid");
    assertThat(kycCase(id).path("checks").get(0).path("status").asText()).isEqualTo("pending");
  }

  @Test
  void aResultCodeThisServiceDoesNotKnowIsLeftToAPersonNeverGuessed() throws Exception {
    String id = pendingCustomer();
    ObjectNode unknown = FakeSmileId.resultWith("0899", "Verify_Document", "Passed");
    unknown.put("ResultText", "A result Smile ID added later");
    SMILE_ID.finish(job(id), unknown);
    JsonNode kyc = awaitCase(id, k -> !k.path("open_review").isNull());
    assertThat(kyc.path("kyc_status").asText()).isEqualTo("pending");
    assertThat(kyc.path("checks").get(0).path("status").asText()).isEqualTo("in_review");
    JsonNode review = service.get("/v1/kyc/reviews/" + kyc.path("open_review").asText()).json();
    assertThat(review.path("reason").asText()).isEqualTo("unknown_result");
    assertThat(review.path("vendor_findings").path("ResultCode").asText()).isEqualTo("0899");
    assertThat(review.path("vendor_findings").path("ResultText").asText())
        .isEqualTo("A result Smile ID added later");
    JsonNode queue = service.get("/v1/kyc/reviews?status=open").json();
    assertThat(queue.path("data").findValuesAsText("id"))
        .contains(kyc.path("open_review").asText());
  }

  @Test
  void aProvisionallyApprovedJobEndsWithAReviewAPersonApproves() throws Exception {
    String id = pendingCustomer();
    SMILE_ID.finish(job(id), FakeSmileId.provisionallyApproved());
    JsonNode kyc = awaitCase(id, k -> !k.path("open_review").isNull());
    assertThat(kyc.path("checks").get(0).path("status").asText()).isEqualTo("in_review");
    String reviewId = kyc.path("open_review").asText();
    JsonNode review = service.get("/v1/kyc/reviews/" + reviewId).json();
    assertThat(review.path("reason").asText()).isEqualTo("vendor_review");
    assertThat(review.path("vendor").asText()).isEqualTo("smile_id");
    assertThat(
            review
                .path("vendor_findings")
                .path("Actions")
                .path("Selfie_To_ID_Card_Compare")
                .asText())
        .isEqualTo("Provisionally Approved");
    assertThat(review.path("document").path("extracted").path("last_name").asText())
        .isEqualTo("Cossa");
    assertThat(
            service
                .get(review.path("images").path("selfie").asText())
                .raw()
                .headers()
                .firstValue("Cache-Control"))
        .contains("no-store");

    var decided =
        service.post("/v1/kyc/reviews/" + reviewId + "/decision", "{\"decision\":\"approve\"}");
    assertThat(decided.status()).isEqualTo(200);
    JsonNode after = kycCase(id);
    assertThat(after.path("kyc_status").asText()).isEqualTo("verified");
    assertThat(after.path("open_review").isNull()).isTrue();
    assertThat(
            service
                .get("/v1/customers/" + id)
                .json()
                .path("customer")
                .path("nationality_id")
                .asText())
        .isEqualTo("***encrypted***");
  }
}
