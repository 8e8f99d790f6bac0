package com.customerservice.domain.kyc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.customerservice.domain.customer.KycStatus;
import com.customerservice.domain.error.ConflictException;
import com.customerservice.domain.error.KycRefusedException;
import com.customerservice.domain.event.Actor;
import com.customerservice.domain.event.EventData;
import com.customerservice.domain.event.EventType;
import com.customerservice.domain.event.Happening;
import com.customerservice.domain.fixtures.KycFixtures;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KycCaseTest {
  private static final Actor VENDOR = KycFixtures.VENDOR;
  private static final EventData CHECK = EventData.empty().with("check_id", "kyc_x");

  private static KycCase pending() {
    return KycCase.unverified().submitDocument("MZ_BI", KycFixtures.REFERENCE).to();
  }

  private static KycCase refused(KycCase kyc, Refusal refusal) {
    return kyc.refuse(refusal, VENDOR, CHECK).to();
  }

  @Test
  void theThirdCountedFailureRejectsTheCase() {
    KycCase kyc = refused(pending(), Refusal.FACE_MISMATCH);
    kyc = refused(kyc, Refusal.NOT_LIVE);
    assertThat(kyc).isEqualTo(new KycCase(KycStatus.PENDING, 2));
    var third = kyc.refuse(Refusal.DOCUMENT_UNREADABLE, VENDOR, CHECK);
    assertThat(third.to()).isEqualTo(new KycCase(KycStatus.REJECTED, 3));
    assertThat(third.happenings())
        .extracting(Happening::type)
        .containsExactly(EventType.KYC_SELFIE_FAILED, EventType.KYC_REJECTED);
    assertThat(third.happenings()).allSatisfy(h -> assertThat(h.decidedBy()).contains(VENDOR));
  }

  @Test
  void aRefusalThatRejectsRejectsAtOnceWithoutCountingASelfie() {
    var tampered = pending().refuse(Refusal.DOCUMENT_TAMPERED, VENDOR, CHECK);
    assertThat(tampered.to()).isEqualTo(new KycCase(KycStatus.REJECTED, 0));
    assertThat(tampered.happenings())
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.type()).isEqualTo(EventType.KYC_REJECTED);
              assertThat(h.data().values()).containsEntry("reason", "document_tampered");
            });
  }

  @Test
  void aRefusalThatCountsNothingLeavesTheCasePendingButIsHeardOf() {
    var expired = pending().refuse(Refusal.DOCUMENT_EXPIRED, VENDOR, CHECK);
    assertThat(expired.to()).isEqualTo(pending());
    assertThat(expired.happenings())
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.type()).isEqualTo(EventType.KYC_SELFIE_FAILED);
              assertThat(h.data().values())
                  .containsEntry("result", "document")
                  .containsEntry("reason", "document_expired")
                  .containsEntry("failed_selfies", 0L)
                  .containsEntry("check_id", "kyc_x");
            });
  }

  @Test
  void aFailedSelfieSaysItsResultAsClientsKnowIt() {
    var mismatch = pending().refuse(Refusal.FACE_MISMATCH, VENDOR, CHECK);
    assertThat(mismatch.happenings().get(0).data().values())
        .containsEntry("result", "match")
        .containsEntry("failed_selfies", 1L);
  }

  @Test
  void aVerificationCarriesTheIdentityAndWhoDecided() {
    var verified = pending().verify(Optional.of(KycTestData.jane()), VENDOR, CHECK);
    assertThat(verified.to().status()).isEqualTo(KycStatus.VERIFIED);
    assertThat(verified.identity()).isPresent();
    assertThat(verified.happenings())
        .singleElement()
        .satisfies(h -> assertThat(h.decidedBy()).contains(VENDOR));
  }

  @Test
  void aClosedCaseRefusesEveryStepBeforeAnyVendorIsPaid() {
    KycCase rejected = pending().refuse(Refusal.OTHER, VENDOR, CHECK).to();
    assertThatThrownBy(() -> rejected.submitDocument("MZ_BI", KycFixtures.REFERENCE))
        .isInstanceOfSatisfying(
            KycRefusedException.class, e -> assertThat(e.code()).isEqualTo("kyc_rejected"));
    assertThatThrownBy(rejected::requireOpen).isInstanceOf(KycRefusedException.class);
    KycCase verified = pending().verify(Optional.empty(), VENDOR, CHECK).to();
    assertThatThrownBy(() -> verified.refuse(Refusal.FACE_MISMATCH, VENDOR, CHECK))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.code()).isEqualTo("identity_verified"));
  }

  @Test
  void reopeningForgetsFailuresAndUnlocksEvenARejectedCase() {
    KycCase rejected = pending().refuse(Refusal.OTHER, VENDOR, CHECK).to();
    var reopened = rejected.reopen();
    assertThat(reopened.to()).isEqualTo(KycCase.unverified());
    assertThat(reopened.happenings())
        .extracting(Happening::type)
        .containsExactly(EventType.KYC_REOPENED);
  }

  @Test
  void onlyACaseThatLeftUnverifiedCanHaveACheckWaiting() {
    assertThat(KycCase.unverified().mayHaveCheckWaiting()).isFalse();
    assertThat(pending().mayHaveCheckWaiting()).isTrue();
    assertThat(refused(pending(), Refusal.FACE_MISMATCH).mayHaveCheckWaiting()).isTrue();
    assertThat(pending().reopen().to().mayHaveCheckWaiting()).isFalse();
  }

  @Test
  void reviewerReasonsAreTheContractsSix() {
    assertThat(Refusal.reviewerReasons())
        .extracting(Refusal::code)
        .containsExactly(
            "face_mismatch",
            "not_live",
            "document_unreadable",
            "document_tampered",
            "data_mismatch",
            "other");
  }
}
