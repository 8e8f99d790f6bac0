package com.customerservice.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerservice.adapter.http.auth.ApiKey;
import com.customerservice.adapter.http.auth.Scope;
import com.customerservice.domain.event.CustomerEvent;
import com.customerservice.domain.event.EventType;
import com.customerservice.domain.fixtures.TestImages;
import com.customerservice.domain.kyc.KycReview;
import com.customerservice.domain.kyc.VendorFindings;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The review queue over HTTP: evidence, claims between reviewers, every kind of decision and what
 * it does to the case, the audit trail, and the back office's scope on all of it.
 */
class KycReviewsApiTest extends ApiTestSupport {
  private static final String APP = "Bearer sk_test_mobile_app";
  private static final String ALICE = "Bearer sk_test_alice";
  private static final String BOB = "Bearer sk_test_bob";
  private static final VendorFindings WORDS =
      VendorFindings.none()
          .with("ResultCode", "0814")
          .with("Actions", VendorFindings.none().with("Document_Check", "Under Review"));
  private int phones;

  @Override
  protected List<ApiKey> apiKeys() {
    return List.of(
        ApiKey.of("mobile-app", EnumSet.of(Scope.CUSTOMERS), "sk_test_mobile_app"),
        ApiKey.of("alice", EnumSet.of(Scope.BACK_OFFICE), "sk_test_alice"),
        ApiKey.of("bob", EnumSet.of(Scope.BACK_OFFICE), "sk_test_bob"));
  }

  private ApiClient as(String authorization) {
    return new ApiClient("http://127.0.0.1:" + server.port())
        .withHeader("Authorization", authorization);
  }

  /** A customer whose selfie the vendor left to a person; returns the review's id. */
  private String aCaseForReview() {
    String id = app.onboard("+25883100000" + phones++).value();
    leaveKycToAPerson(as(APP), id, WORDS);
    return as(ALICE).get("/v1/customers/" + id + "/kyc").json().path("open_review").asText();
  }

  private JsonNode review(String reviewId) {
    return as(ALICE).get("/v1/kyc/reviews/" + reviewId).json();
  }

  private ApiClient.Reply claim(String who, String reviewId) {
    return as(who)
        .send("POST", "/v1/kyc/reviews/" + reviewId + "/claim", null, null, Map.of(), true);
  }

  private ApiClient.Reply decide(String who, String reviewId, String body) {
    return as(who).postJson("/v1/kyc/reviews/" + reviewId + "/decision", body);
  }

  private String customerOf(String reviewId) {
    return review(reviewId).path("customer_id").asText();
  }

  private JsonNode kycCase(String customer) {
    return as(ALICE).get("/v1/customers/" + customer + "/kyc").json();
  }

  private List<CustomerEvent> events(String customer, EventType type) {
    return app.events.all().stream()
        .filter(e -> e.customerId().value().equals(customer) && e.type() == type)
        .toList();
  }

  @BeforeEach
  void theFirstReviewOpens() {
    phones = 0;
  }

  @Test
  void aReviewShowsTheVendorsWordsTheDocumentBesideTheProfileAndLinksToTheImages() {
    String reviewId = aCaseForReview();
    JsonNode review = review(reviewId);
    assertThat(review.path("object").asText()).isEqualTo("kyc_review");
    assertThat(review.path("status").asText()).isEqualTo("open");
    assertThat(review.path("reason").asText()).isEqualTo("vendor_review");
    assertThat(review.path("vendor").asText()).isEqualTo("scripted");
    assertThat(review.path("vendor_findings").path("ResultCode").asText()).isEqualTo("0814");
    assertThat(review.path("vendor_findings").path("Actions").path("Document_Check").asText())
        .isEqualTo("Under Review");
    JsonNode extracted = review.path("document").path("extracted");
    assertThat(extracted.path("first_name").asText()).isEqualTo("Jane");
    assertThat(extracted.path("id_number").asText()).isEqualTo("***encrypted***");
    assertThat(review.path("profile").has("first_name")).isTrue();
    assertThat(review.path("claimed_by").isNull()).isTrue();
    assertThat(review.path("decision").isNull()).isTrue();

    JsonNode images = review.path("images");
    for (String link :
        List.of(
            images.path("document_front").asText(),
            images.path("document_back").asText(),
            images.path("selfie").asText())) {
      assertThat(link).startsWith("/files/kyc/file_");
      var image = as(ALICE).get(link);
      assertThat(image.status()).isEqualTo(200);
      assertThat(image.header("Cache-Control")).isEqualTo("no-store");
      assertThat(image.header("Content-Type")).startsWith("image/");
    }
    assertThat(as(ALICE).get(images.path("selfie").asText()).body())
        .isEqualTo(TestImages.jpeg(48, 64));
  }

  @Test
  void aCustomersKeyIsRefusedEverywhereIncludingTheImages() {
    String reviewId = aCaseForReview();
    String selfie = review(reviewId).path("images").path("selfie").asText();
    List<ApiClient.Reply> replies = new ArrayList<>();
    replies.add(as(APP).get("/v1/kyc/reviews"));
    replies.add(as(APP).get("/v1/kyc/reviews?status=decided"));
    replies.add(as(APP).get("/v1/kyc/reviews/" + reviewId));
    replies.add(claim(APP, reviewId));
    replies.add(decide(APP, reviewId, "{\"decision\":\"approve\"}"));
    replies.add(as(APP).get(selfie));
    assertThat(replies)
        .allSatisfy(
            reply -> {
              assertThat(reply.status()).isEqualTo(403);
              assertThat(reply.errorCode()).isEqualTo("insufficient_scope");
            });
    assertThat(api.get(selfie).status()).isEqualTo(401);
    assertThat(review(reviewId).path("status").asText()).isEqualTo("open");
  }

  @Test
  void approvingVerifiesTheCustomerWithTheDocumentsIdentityAndTheTrailNamesTheReviewer() {
    String reviewId = aCaseForReview();
    String customer = customerOf(reviewId);
    var decided = decide(ALICE, reviewId, "{\"decision\":\"approve\",\"note\":\"Looks right\"}");
    assertThat(decided.status()).isEqualTo(200);
    assertThat(decided.json().path("status").asText()).isEqualTo("decided");
    JsonNode decision = decided.json().path("decision");
    assertThat(decision.path("decision").asText()).isEqualTo("approve");
    assertThat(decision.path("decided_by").asText()).isEqualTo("alice");
    assertThat(decision.path("note").asText()).isEqualTo("Looks right");
    assertThat(decided.json().path("claimed_by").asText()).isEqualTo("alice");

    JsonNode kyc = kycCase(customer);
    assertThat(kyc.path("kyc_status").asText()).isEqualTo("verified");
    assertThat(kyc.path("open_review").isNull()).isTrue();
    assertThat(kyc.path("checks").get(0).path("status").asText()).isEqualTo("decided");
    assertThat(kyc.path("checks").get(0).path("result").asText()).isEqualTo("verified");
    assertThat(
            as(APP)
                .get("/v1/customers/" + customer)
                .json()
                .path("customer")
                .path("last_name")
                .asText())
        .isEqualTo("Machava");

    CustomerEvent verified = events(customer, EventType.KYC_VERIFIED).get(0);
    assertThat(verified.actor().type().code()).isEqualTo("api_key");
    assertThat(verified.actor().name()).isEqualTo("alice");
    assertThat(verified.data().values())
        .containsEntry("review_id", reviewId)
        .containsEntry("decision", "approve")
        .containsEntry("note", "Looks right");
    var trail =
        as(ALICE)
            .get("/v1/customers/" + customer + "/events?type=customer.kyc.verified")
            .json()
            .path("data")
            .get(0);
    assertThat(trail.path("actor").path("name").asText()).isEqualTo("alice");
  }

  @Test
  void aRetryableRejectionCountsOneFailureAndTheCustomerMayTryAgain() {
    String reviewId = aCaseForReview();
    String customer = customerOf(reviewId);
    var decided =
        decide(BOB, reviewId, "{\"decision\":\"reject\",\"reason_code\":\"face_mismatch\"}");
    assertThat(decided.status()).isEqualTo(200);
    assertThat(decided.json().path("decision").path("reason_code").asText())
        .isEqualTo("face_mismatch");
    JsonNode kyc = kycCase(customer);
    assertThat(kyc.path("kyc_status").asText()).isEqualTo("pending");
    assertThat(kyc.path("failed_attempts").asInt()).isEqualTo(1);
    assertThat(kyc.path("checks").get(0).path("result").asText()).isEqualTo("match");
    CustomerEvent failed = events(customer, EventType.KYC_SELFIE_FAILED).get(0);
    assertThat(failed.actor().name()).isEqualTo("bob");
    assertThat(failed.data().values()).containsEntry("reason_code", "face_mismatch");
  }

  @Test
  void aFinalRejectionRejectsTheCaseAtOnce() {
    String reviewId = aCaseForReview();
    String customer = customerOf(reviewId);
    assertThat(
            decide(
                    ALICE,
                    reviewId,
                    "{\"decision\":\"reject\",\"reason_code\":\"document_tampered\"}")
                .status())
        .isEqualTo(200);
    assertThat(kycCase(customer).path("kyc_status").asText()).isEqualTo("rejected");
    assertThat(events(customer, EventType.KYC_REJECTED)).hasSize(1);
  }

  @Test
  void otherNeedsANoteWhichTheReviewAndTheTrailKeep() {
    String reviewId = aCaseForReview();
    var missing = decide(ALICE, reviewId, "{\"decision\":\"reject\",\"reason_code\":\"other\"}");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.errorParam()).isEqualTo("note");
    assertThat(review(reviewId).path("status").asText()).isEqualTo("open");

    var decided =
        decide(
            ALICE,
            reviewId,
            "{\"decision\":\"reject\",\"reason_code\":\"other\",\"note\":\"Photo of a screen\"}");
    assertThat(decided.status()).isEqualTo(200);
    assertThat(decided.json().path("decision").path("note").asText())
        .isEqualTo("Photo of a screen");
    String customer = customerOf(reviewId);
    assertThat(kycCase(customer).path("kyc_status").asText()).isEqualTo("rejected");
    assertThat(events(customer, EventType.KYC_REJECTED).get(0).data().values())
        .containsEntry("note", "Photo of a screen");
  }

  @Test
  void malformedDecisionsAre400AndDecideNothing() {
    String reviewId = aCaseForReview();
    for (var body :
        Map.of(
                "{\"decision\":\"reject\"}", "reason_code",
                "{\"decision\":\"approve\",\"reason_code\":\"face_mismatch\"}", "reason_code",
                "{\"decision\":\"maybe\"}", "decision",
                "{\"decision\":\"reject\",\"reason_code\":\"image_unprocessable\"}", "reason_code",
                "{\"decision\":\"approve\",\"verdict\":true}", "verdict",
                "{}", "decision")
            .entrySet()) {
      var reply = decide(ALICE, reviewId, body.getKey());
      assertThat(reply.status()).as(body.getKey()).isEqualTo(400);
      assertThat(reply.errorParam()).as(body.getKey()).isEqualTo(body.getValue());
    }
    assertThat(review(reviewId).path("status").asText()).isEqualTo("open");
    assertThat(decide(ALICE, "rev_" + "x".repeat(24), "{\"decision\":\"approve\"}").status())
        .isEqualTo(404);
  }

  /** As everywhere (a PUT of a bad email to an unknown customer is 400): the body is read first. */
  @Test
  void aMalformedDecisionIs400EvenForAReviewThatDoesNotExist() {
    var reply = decide(ALICE, "rev_" + "x".repeat(24), "{\"decision\":\"maybe\"}");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorParam()).isEqualTo("decision");
    assertThat(decide(ALICE, "rev_nope", "{\"decision\":\"reject\"}").errorParam())
        .isEqualTo("reason_code");
  }

  @Test
  void aClaimKeepsOtherReviewersOutForThirtyMinutes() {
    String reviewId = aCaseForReview();
    var claimed = claim(ALICE, reviewId);
    assertThat(claimed.status()).isEqualTo(200);
    assertThat(claimed.json().path("claimed_by").asText()).isEqualTo("alice");
    assertThat(claimed.json().path("claimed_until").asText()).isNotBlank();

    var bobClaims = claim(BOB, reviewId);
    assertThat(bobClaims.status()).isEqualTo(409);
    assertThat(bobClaims.errorCode()).isEqualTo("review_claimed");
    var bobDecides = decide(BOB, reviewId, "{\"decision\":\"approve\"}");
    assertThat(bobDecides.status()).isEqualTo(409);
    assertThat(bobDecides.errorCode()).isEqualTo("review_claimed");
    assertThat(
            as(ALICE).get("/v1/kyc/reviews").json().path("data").get(0).path("claimed_by").asText())
        .isEqualTo("alice");

    app.clock.advance(KycReview.CLAIM_HOLD);
    assertThat(review(reviewId).path("claimed_by").isNull()).isTrue();
    assertThat(claim(BOB, reviewId).status()).isEqualTo(200);
  }

  @Test
  void aDecidedReviewIsNotDecidedAgain() {
    String reviewId = aCaseForReview();
    decide(ALICE, reviewId, "{\"decision\":\"approve\"}");
    var again = decide(ALICE, reviewId, "{\"decision\":\"reject\",\"reason_code\":\"not_live\"}");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.errorCode()).isEqualTo("review_already_decided");
    assertThat(claim(BOB, reviewId).errorCode()).isEqualTo("review_already_decided");
  }

  @Test
  void twoReviewersDecidingAtOnceGiveOneVerdict() throws Exception {
    String reviewId = aCaseForReview();
    String customer = customerOf(reviewId);
    var alice =
        CompletableFuture.supplyAsync(() -> decide(ALICE, reviewId, "{\"decision\":\"approve\"}"));
    var bob =
        CompletableFuture.supplyAsync(
            () ->
                decide(
                    BOB,
                    reviewId,
                    "{\"decision\":\"reject\",\"reason_code\":\"other\",\"note\":\"no\"}"));
    List<Integer> statuses = List.of(alice.get().status(), bob.get().status());
    assertThat(statuses).containsExactlyInAnyOrder(200, 409);
    assertThat(
            events(customer, EventType.KYC_VERIFIED).size()
                + events(customer, EventType.KYC_REJECTED).size())
        .isEqualTo(1);
  }

  @Test
  void theOpenQueueIsOldestFirstAndDecidedReviewsNewestFirstPagedByToken() {
    List<String> opened = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      opened.add(aCaseForReview());
      app.clock.advance(Duration.ofMinutes(1));
    }
    JsonNode first = as(ALICE).get("/v1/kyc/reviews?page_size=2").json();
    assertThat(first.path("has_more").asBoolean()).isTrue();
    JsonNode second =
        as(ALICE)
            .get("/v1/kyc/reviews?page_size=2&page_token=" + first.path("next_page_token").asText())
            .json();
    List<String> queue = new ArrayList<>();
    first.path("data").forEach(r -> queue.add(r.path("id").asText()));
    second.path("data").forEach(r -> queue.add(r.path("id").asText()));
    assertThat(queue).containsExactlyElementsOf(opened);
    assertThat(second.path("has_more").asBoolean()).isFalse();

    for (String reviewId : opened) {
      decide(ALICE, reviewId, "{\"decision\":\"approve\"}");
      app.clock.advance(Duration.ofMinutes(1));
    }
    assertThat(as(ALICE).get("/v1/kyc/reviews").json().path("data")).isEmpty();
    JsonNode decided = as(ALICE).get("/v1/kyc/reviews?status=decided&page_size=2").json();
    List<String> newestFirst = new ArrayList<>();
    decided.path("data").forEach(r -> newestFirst.add(r.path("id").asText()));
    assertThat(newestFirst).containsExactly(opened.get(2), opened.get(1));
    var wrongList =
        as(ALICE)
            .get(
                "/v1/kyc/reviews?status=open&page_token="
                    + decided.path("next_page_token").asText());
    assertThat(wrongList.status()).isEqualTo(400);
    assertThat(wrongList.errorCode()).isEqualTo("page_token_invalid");
    var badStatus = as(ALICE).get("/v1/kyc/reviews?status=superseded");
    assertThat(badStatus.status()).isEqualTo(400);
    assertThat(badStatus.errorParam()).isEqualTo("status");
  }

  @Test
  void reopeningTheCaseSupersedesItsOpenReview() {
    String reviewId = aCaseForReview();
    String customer = customerOf(reviewId);
    assertThat(
            as(ALICE)
                .send(
                    "POST", "/v1/customers/" + customer + "/kyc/reopen", null, null, Map.of(), true)
                .status())
        .isEqualTo(200);
    JsonNode review = review(reviewId);
    assertThat(review.path("status").asText()).isEqualTo("superseded");
    assertThat(review.path("closed_at").asText()).isNotBlank();
    assertThat(decide(ALICE, reviewId, "{\"decision\":\"approve\"}").errorCode())
        .isEqualTo("review_already_decided");
    assertThat(as(ALICE).get("/v1/kyc/reviews").json().path("data")).isEmpty();
    assertThat(as(ALICE).get("/v1/kyc/reviews?status=decided").json().path("data")).isEmpty();
    assertThat(kycCase(customer).path("kyc_status").asText()).isEqualTo("unverified");
  }

  @Test
  void anUnknownReviewOrImageIs404() {
    assertThat(as(ALICE).get("/v1/kyc/reviews/rev_nope").status()).isEqualTo(404);
    assertThat(as(ALICE).get("/files/kyc/file_" + "x".repeat(24)).status()).isEqualTo(404);
  }
}
