package com.customerservice.domain.kyc;

import static com.customerservice.domain.kyc.KycTestData.DEADLINE;
import static com.customerservice.domain.kyc.KycTestData.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KycCheckTest {
  private final KycCheck pending = KycTestData.pendingCheck();

  @Test
  void anApprovalDecidesTheCheckAsVerified() {
    KycCheck decided =
        pending.decide(new Verdict.Approved(Optional.empty(), VendorFindings.none()), T0);
    assertThat(decided.status()).isEqualTo(KycCheck.Status.DECIDED);
    assertThat(decided.result()).contains(KycCheck.Result.VERIFIED);
    assertThat(decided.decidedAt()).contains(T0);
  }

  @Test
  void aRefusalDecidesTheCheckWithItsResult() {
    assertThat(pending.decide(new Verdict.Refused(Refusal.NOT_LIVE), T0).result())
        .contains(KycCheck.Result.LIVE);
    assertThat(pending.decide(new Verdict.Refused(Refusal.IMAGE_UNPROCESSABLE), T0).result())
        .isEmpty();
  }

  @Test
  void aVerdictThatNeedsAPersonPutsTheCheckInReviewWithTheVendorsWords() {
    VendorFindings words = VendorFindings.none().with("ResultText", "Under Review");
    KycCheck inReview =
        pending.decide(
            new Verdict.NeedsReview(KycReview.Reason.VENDOR_REVIEW, Optional.empty(), words), T0);
    assertThat(inReview.status()).isEqualTo(KycCheck.Status.IN_REVIEW);
    assertThat(inReview.decidedAt()).isEmpty();
    assertThat(inReview.findings()).isEqualTo(words);
    assertThat(inReview.awaitsPerson()).isTrue();
  }

  @Test
  void aCheckIsDecidedOnce() {
    KycCheck decided = pending.decide(new Verdict.Refused(Refusal.FACE_MISMATCH), T0);
    assertThatThrownBy(() -> decided.decide(new Verdict.Refused(Refusal.FACE_MISMATCH), T0))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> decided.expire(T0.plus(DEADLINE)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aCheckExpiresOnlyAtItsDeadline() {
    assertThatThrownBy(() -> pending.expire(T0.plus(DEADLINE).minusMillis(1)))
        .isInstanceOf(IllegalStateException.class);
    KycCheck expired = pending.expire(T0.plus(DEADLINE));
    assertThat(expired.status()).isEqualTo(KycCheck.Status.EXPIRED);
    assertThat(expired.awaitsPerson()).isTrue();
  }

  @Test
  void aPersonDecidesOnlyWhatTheVendorLeftToThem() {
    assertThatThrownBy(() -> pending.decideByPerson(Optional.empty(), T0))
        .isInstanceOf(IllegalStateException.class);
    KycCheck decided =
        pending.expire(T0.plus(DEADLINE)).decideByPerson(Optional.of(KycCheck.Result.VERIFIED), T0);
    assertThat(decided.status()).isEqualTo(KycCheck.Status.DECIDED);
    assertThat(decided.result()).contains(KycCheck.Result.VERIFIED);
  }

  @Test
  void pollsBackOffFromTenSecondsToTenMinutesAndStopAtTheDeadline() {
    List<Duration> pauses = new ArrayList<>();
    Instant at = pending.firstPoll();
    assertThat(at).isEqualTo(T0.plusSeconds(10));
    Optional<Instant> next = pending.nextPollAfter(at);
    while (next.isPresent()) {
      pauses.add(Duration.between(at, next.get()));
      at = next.get();
      next = pending.nextPollAfter(at);
    }
    assertThat(pauses.subList(0, 7))
        .containsExactly(
            Duration.ofSeconds(10),
            Duration.ofSeconds(20),
            Duration.ofSeconds(40),
            Duration.ofSeconds(80),
            Duration.ofSeconds(160),
            Duration.ofSeconds(320),
            Duration.ofMinutes(10));
    assertThat(pauses).allSatisfy(p -> assertThat(p).isLessThanOrEqualTo(Duration.ofMinutes(10)));
    assertThat(at).isBefore(pending.deadline());
    // about 150 polls in a day, not thousands
    assertThat(pauses).hasSizeBetween(140, 160);
  }

  @Test
  void aDecidedCheckIsNotPolledAgain() {
    KycCheck decided = pending.decide(new Verdict.Refused(Refusal.FACE_MISMATCH), T0);
    assertThat(decided.nextPollAfter(T0.plusSeconds(10))).isEmpty();
  }

  @Test
  void anApprovalWithoutAnyReadingNeedsAPersonAndAnExpiredDocumentIsRefused() {
    Verdict approved = new Verdict.Approved(Optional.empty(), VendorFindings.none());
    LocalDate today = LocalDate.of(2026, 3, 1);
    assertThat(approved.against(Optional.empty(), today))
        .isInstanceOfSatisfying(
            Verdict.NeedsReview.class,
            v -> assertThat(v.reason()).isEqualTo(KycReview.Reason.UNKNOWN_RESULT));
    assertThat(approved.against(Optional.of(KycTestData.reading(LocalDate.of(2026, 2, 28))), today))
        .isEqualTo(new Verdict.Refused(Refusal.DOCUMENT_EXPIRED));
    assertThat(approved.against(Optional.of(KycTestData.jane()), today)).isSameAs(approved);
  }

  @Test
  void aDeadlineIsNeverAVendorsVerdict() {
    assertThatThrownBy(
            () ->
                new Verdict.NeedsReview(
                    KycReview.Reason.VENDOR_TIMEOUT, Optional.empty(), VendorFindings.none()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
