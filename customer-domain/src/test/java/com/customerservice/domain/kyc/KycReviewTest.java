package com.customerservice.domain.kyc;

import static com.customerservice.domain.kyc.KycTestData.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.customerservice.domain.error.ConflictException;
import com.customerservice.domain.error.InvalidValueException;
import com.customerservice.domain.event.Actor;
import com.customerservice.domain.event.EventType;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KycReviewTest {
  private static final Instant LATER = T0.plus(Duration.ofMinutes(5));
  private final KycCheck check = KycTestData.pendingCheck();
  private final KycReview open =
      KycReview.open(
          KycReviewId.KIND.next(KycTestData.RANDOM),
          check,
          KycReview.Reason.VENDOR_REVIEW,
          VendorFindings.none().with("ResultText", "Provisionally Approved"),
          Actor.kycProvider("smile_id"),
          T0);

  private static ReviewDecision approve(String by, Instant at) {
    return new ReviewDecision(
        ReviewDecision.Decision.APPROVE, Optional.empty(), Optional.empty(), by, at);
  }

  @Test
  void openingAReviewSaysSoAsTheVendorThatAskedForIt() {
    assertThat(open.isOpen()).isTrue();
    assertThat(open.happenings())
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.type()).isEqualTo(EventType.KYC_REVIEW_REQUIRED);
              assertThat(h.decidedBy()).contains(Actor.kycProvider("smile_id"));
              assertThat(h.data().values())
                  .containsEntry("review_id", open.id().value())
                  .containsEntry("check_id", check.id().value())
                  .containsEntry("reason", "vendor_review");
            });
  }

  @Test
  void aClaimHoldsTheReviewForThirtyMinutesAgainstOtherReviewers() {
    KycReview claimed = open.claim("alice", T0);
    assertThat(claimed.holderAt(T0)).contains("alice");
    assertThatThrownBy(() -> claimed.claim("bob", LATER))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.code()).isEqualTo("review_claimed"));
    assertThatThrownBy(() -> claimed.decide(approve("bob", LATER)))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.code()).isEqualTo("review_claimed"));
    Instant lapsed = T0.plus(KycReview.CLAIM_HOLD);
    assertThat(claimed.holderAt(lapsed)).isEmpty();
    assertThat(claimed.claim("bob", lapsed).holderAt(lapsed)).contains("bob");
  }

  @Test
  void theHolderRenewsTheirClaimAndDecides() {
    KycReview renewed = open.claim("alice", T0).claim("alice", LATER);
    assertThat(renewed.claim().orElseThrow().until()).isEqualTo(LATER.plus(KycReview.CLAIM_HOLD));
    KycReview decided = renewed.decide(approve("alice", LATER));
    assertThat(decided.status()).isEqualTo(KycReview.Status.DECIDED);
    assertThat(decided.decision().orElseThrow().decidedBy()).isEqualTo("alice");
    assertThat(decided.closedAt()).contains(LATER);
  }

  @Test
  void decidingAnUnclaimedReviewClaimsItForTheDecider() {
    KycReview decided = open.decide(approve("alice", LATER));
    assertThat(decided.claim().orElseThrow().holder()).isEqualTo("alice");
  }

  @Test
  void aClosedReviewIsNotDecidedAgain() {
    KycReview decided = open.decide(approve("alice", LATER));
    assertThatThrownBy(() -> decided.decide(approve("alice", LATER)))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.code()).isEqualTo("review_already_decided"));
    KycReview superseded = open.supersede(LATER);
    assertThat(superseded.status()).isEqualTo(KycReview.Status.SUPERSEDED);
    assertThatThrownBy(() -> superseded.decide(approve("alice", LATER)))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> superseded.claim("alice", LATER))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void decisionsFollowTheReasonRules() {
    assertThatThrownBy(
            () ->
                new ReviewDecision(
                    ReviewDecision.Decision.REJECT, Optional.empty(), Optional.empty(), "a", T0))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.param()).contains("reason_code"));
    assertThatThrownBy(
            () ->
                new ReviewDecision(
                    ReviewDecision.Decision.REJECT,
                    Optional.of(Refusal.OTHER),
                    Optional.empty(),
                    "a",
                    T0))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.param()).contains("note"));
    assertThatThrownBy(
            () ->
                new ReviewDecision(
                    ReviewDecision.Decision.REJECT,
                    Optional.of(Refusal.IMAGE_UNPROCESSABLE),
                    Optional.empty(),
                    "a",
                    T0))
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(
            () ->
                new ReviewDecision(
                    ReviewDecision.Decision.APPROVE,
                    Optional.of(Refusal.FACE_MISMATCH),
                    Optional.empty(),
                    "a",
                    T0))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void aNoteKeepsItsLinesAndRefusesHiddenCharacters() {
    ReviewDecision decision =
        new ReviewDecision(
            ReviewDecision.Decision.REJECT,
            Optional.of(Refusal.OTHER),
            Optional.of("Photo of a screen.\r\nSecond line"),
            "a",
            T0);
    assertThat(decision.note()).contains("Photo of a screen.\nSecond line");
    assertThatThrownBy(
            () ->
                new ReviewDecision(
                    ReviewDecision.Decision.REJECT,
                    Optional.of(Refusal.OTHER),
                    Optional.of("bad \u202e text"),
                    "a",
                    T0))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void aDecisionGivesItsVerdict() {
    assertThat(approve("a", T0).verdict(Optional.empty(), VendorFindings.none()))
        .isInstanceOf(Verdict.Approved.class);
    ReviewDecision tampered =
        new ReviewDecision(
            ReviewDecision.Decision.REJECT,
            Optional.of(Refusal.DOCUMENT_TAMPERED),
            Optional.empty(),
            "a",
            T0);
    assertThat(tampered.verdict(Optional.empty(), VendorFindings.none()))
        .isEqualTo(new Verdict.Refused(Refusal.DOCUMENT_TAMPERED));
    assertThat(tampered.describe(open.id()).values())
        .containsEntry("decision", "reject")
        .containsEntry("reason_code", "document_tampered")
        .containsEntry("review_id", open.id().value());
  }
}
