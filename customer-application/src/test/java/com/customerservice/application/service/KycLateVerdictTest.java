package com.customerservice.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.customerservice.application.fixtures.InMemoryApplication;
import com.customerservice.application.port.in.ReceiveKycCallbackUseCase;
import com.customerservice.application.port.in.UploadIdentityDocumentUseCase;
import com.customerservice.application.port.in.UploadSelfieUseCase;
import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.customer.KycStatus;
import com.customerservice.domain.customer.SensitiveId;
import com.customerservice.domain.error.ConflictException;
import com.customerservice.domain.error.NotAuthenticException;
import com.customerservice.domain.error.NotFoundException;
import com.customerservice.domain.event.Actor;
import com.customerservice.domain.event.CustomerEvent;
import com.customerservice.domain.event.EventType;
import com.customerservice.domain.file.Image;
import com.customerservice.domain.fixtures.TestImages;
import com.customerservice.domain.kyc.DocumentExtraction;
import com.customerservice.domain.kyc.KycCheck;
import com.customerservice.domain.kyc.KycReview;
import com.customerservice.domain.kyc.Refusal;
import com.customerservice.domain.kyc.SelfieResult;
import com.customerservice.domain.kyc.VendorFindings;
import com.customerservice.domain.kyc.Verdict;
import com.customerservice.domain.port.KycVerifier;
import com.customerservice.domain.port.WorkQueue;
import com.customerservice.testkit.fakes.ScriptedKycVerifier;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A verdict that comes after the selfie's request: followed up by polls, brought by a callback or
 * given up at the deadline, and applied once by the one writer whoever brings it.
 */
class KycLateVerdictTest {
  private final InMemoryApplication app = new InMemoryApplication();
  private CustomerId customer;
  private String reference;

  @BeforeEach
  void aCustomerWithADocumentAndAVendorThatDecidesLater() {
    customer = app.onboard("+258841234567");
    reference =
        app.uploadDocument
            .upload(
                new UploadIdentityDocumentUseCase.Command(
                    customer.value(),
                    () ->
                        new UploadIdentityDocumentUseCase.Document(
                            "MZ_PASSPORT", image(64, 40), Optional.empty())))
            .document()
            .reference()
            .value();
    app.kyc.decideLater();
  }

  private static Image image(int width, int height) {
    return Image.decode("image", TestImages.jpeg(width, height), Long.MAX_VALUE);
  }

  private SelfieResult selfie() {
    return app.uploadSelfie.upload(
        new UploadSelfieUseCase.Command(
            customer.value(), () -> new UploadSelfieUseCase.Selfie(reference, image(48, 64))));
  }

  private KycCheck check() {
    return app.storage.kycChecks().ofCustomer(customer, 1).get(0);
  }

  private KycStatus status() {
    return app.get.get(customer.value()).kycStatus();
  }

  private List<CustomerEvent> events(EventType type) {
    return app.events.all().stream().filter(e -> e.type() == type).toList();
  }

  private ReceiveKycCallbackUseCase.Outcome callback(String job) {
    return app.useCases
        .kycCallbacks()
        .receive(
            "scripted",
            new KycVerifier.VendorMessage(
                ScriptedKycVerifier.callbackAbout(job),
                Map.of("signature", ScriptedKycVerifier.AUTHENTIC)));
  }

  private void after(Duration wait) {
    app.clock.advance(wait);
    app.runBackgroundWork();
  }

  @Test
  void aPendingCheckQueuesItsFirstPollAndItsDeadlineWithItself() {
    Instant submitted = app.clock.instant();
    assertThat(selfie()).isEqualTo(new SelfieResult.Pending());
    KycCheck pending = check();
    assertThat(pending.isPending()).isTrue();
    assertThat(status()).isEqualTo(KycStatus.PENDING);
    assertThat(app.queue.waiting(WorkQueue.Kind.KYC_POLL))
        .singleElement()
        .satisfies(e -> assertThat(e.at()).isEqualTo(submitted.plusSeconds(10)));
    assertThat(app.queue.waiting(WorkQueue.Kind.KYC_DEADLINE))
        .singleElement()
        .satisfies(e -> assertThat(e.at()).isEqualTo(pending.deadline()));
    assertThat(pending.deadline()).isEqualTo(submitted.plus(KycCheck.DEFAULT_VERDICT_DEADLINE));
  }

  @Test
  void aStillPendingCheckIsPolledWithBackOffAndCostsNothingBetweenPolls() {
    selfie();
    after(Duration.ofSeconds(9));
    assertThat(app.kyc.polls()).isEmpty();
    after(Duration.ofSeconds(1));
    assertThat(app.kyc.polls()).hasSize(1);
    after(Duration.ofSeconds(9));
    assertThat(app.kyc.polls()).hasSize(1);
    after(Duration.ofSeconds(1));
    assertThat(app.kyc.polls()).hasSize(2);
    assertThat(app.queue.waiting(WorkQueue.Kind.KYC_POLL))
        .singleElement()
        .satisfies(e -> assertThat(e.at()).isEqualTo(app.clock.instant().plusSeconds(20)));
  }

  @Test
  void aVerdictFoundByAPollIsAppliedAsTheVendorsWithTheDocumentsIdentity() {
    selfie();
    app.kyc.decide(check().job().reference(), ScriptedKycVerifier.approved());
    after(Duration.ofSeconds(10));
    assertThat(status()).isEqualTo(KycStatus.VERIFIED);
    assertThat(app.get.get(customer.value()).governmentIds().nationalityId().reveal())
        .isEqualTo("110100123456A");
    assertThat(check().result()).contains(KycCheck.Result.VERIFIED);
    CustomerEvent verified = events(EventType.KYC_VERIFIED).get(0);
    assertThat(verified.actor()).isEqualTo(Actor.kycProvider("scripted"));
    assertThat(verified.data().values()).containsEntry("check_id", check().id().value());
    assertThat(app.queue.waiting(WorkQueue.Kind.KYC_POLL)).isEmpty();
  }

  @Test
  void aCallbackAndAPollRacingApplyTheVerdictOnce() throws Exception {
    selfie();
    String job = check().job().reference();
    app.kyc.decide(job, new Verdict.Refused(Refusal.FACE_MISMATCH));
    CountDownLatch pollEntered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    app.kyc.holdNextPoll(pollEntered, release);
    app.clock.advance(Duration.ofSeconds(10));
    CompletableFuture<Void> poll = CompletableFuture.runAsync(app::runBackgroundWork);
    assertThat(pollEntered.await(5, TimeUnit.SECONDS)).isTrue();

    assertThat(callback(job)).isEqualTo(ReceiveKycCallbackUseCase.Outcome.APPLIED);
    release.countDown();
    poll.get(5, TimeUnit.SECONDS);

    assertThat(events(EventType.KYC_SELFIE_FAILED)).hasSize(1);
    assertThat(app.get.get(customer.value()).kyc().failedAttempts()).isEqualTo(1);
    assertThat(callback(job)).isEqualTo(ReceiveKycCallbackUseCase.Outcome.NOTHING_TO_DO);
  }

  @Test
  void aCallbackForAJobStillPendingAtTheVendorChangesNothing() {
    selfie();
    assertThat(callback(check().job().reference()))
        .isEqualTo(ReceiveKycCallbackUseCase.Outcome.STILL_PENDING);
    assertThat(check().isPending()).isTrue();
  }

  @Test
  void aForgedCallbackIsRefusedBeforeTheVendorIsAsked() {
    selfie();
    assertThatThrownBy(
            () ->
                app.useCases
                    .kycCallbacks()
                    .receive(
                        "scripted",
                        new KycVerifier.VendorMessage(
                            ScriptedKycVerifier.callbackAbout(check().job().reference()),
                            Map.of("signature", "forged"))))
        .isInstanceOf(NotAuthenticException.class);
    assertThatThrownBy(
            () ->
                app.useCases
                    .kycCallbacks()
                    .receive("onfido", new KycVerifier.VendorMessage(new byte[0], Map.of())))
        .isInstanceOf(NotFoundException.class);
    assertThat(app.kyc.polls()).isEmpty();
  }

  @Test
  void aReadingMadeOnlyInTheJobIsKeptWithTheDocumentAndVerifiesTheCustomer() {
    app.kyc.readDocumentsOnlyWithTheSelfie();
    CustomerId other = app.onboard("+258841234568");
    String unread =
        app.uploadDocument
            .upload(
                new UploadIdentityDocumentUseCase.Command(
                    other.value(),
                    () ->
                        new UploadIdentityDocumentUseCase.Document(
                            "MZ_PASSPORT", image(64, 40), Optional.empty())))
            .document()
            .reference()
            .value();
    app.uploadSelfie.upload(
        new UploadSelfieUseCase.Command(
            other.value(), () -> new UploadSelfieUseCase.Selfie(unread, image(48, 64))));
    KycCheck pending = app.storage.kycChecks().ofCustomer(other, 1).get(0);
    app.kyc.decide(
        pending.job().reference(),
        new Verdict.Approved(Optional.of(reading(2034)), VendorFindings.none()));
    after(Duration.ofSeconds(10));
    assertThat(app.get.get(other.value()).kycStatus()).isEqualTo(KycStatus.VERIFIED);
    assertThat(app.get.get(other.value()).profile().firstName().value()).isEqualTo("Rosa");
    assertThat(app.kycRecords.findDocument(pending.document()).orElseThrow().extraction())
        .hasValueSatisfying(read -> assertThat(read.givenNames()).isEqualTo("Rosa"));
  }

  @Test
  void aLateApprovalOfAnExpiredDocumentIsARefusalOfTheDocumentThatCountsNoFailure() {
    // Valid on the day of the upload, expired by the day the vendor answers.
    CustomerId other = app.onboard("+258841234569");
    app.kyc.answerDocument(
        new DocumentExtraction(
            "Rosa",
            "Tembe",
            LocalDate.of(1988, 3, 2),
            SensitiveId.of("id_number", "110100999999B"),
            LocalDate.of(2016, 3, 2),
            LocalDate.of(2026, 3, 2),
            null));
    customer = other;
    reference =
        app.uploadDocument
            .upload(
                new UploadIdentityDocumentUseCase.Command(
                    other.value(),
                    () ->
                        new UploadIdentityDocumentUseCase.Document(
                            "MZ_PASSPORT", image(64, 40), Optional.empty())))
            .document()
            .reference()
            .value();
    selfie();
    app.kyc.decide(check().job().reference(), ScriptedKycVerifier.approved());
    after(Duration.ofDays(2).plusSeconds(10));
    assertThat(status()).isEqualTo(KycStatus.PENDING);
    assertThat(check().result()).contains(KycCheck.Result.DOCUMENT);
    assertThat(events(EventType.KYC_SELFIE_FAILED))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.data().values())
                    .containsEntry("reason", "document_expired")
                    .containsEntry("failed_selfies", 0L));
  }

  @Test
  void aVerdictThatNeedsAPersonOpensAReviewAsTheVendorAndTheCaseWaits() {
    selfie();
    VendorFindings words = VendorFindings.none().with("ResultText", "Provisionally Approved");
    app.kyc.decide(
        check().job().reference(),
        new Verdict.NeedsReview(KycReview.Reason.VENDOR_REVIEW, Optional.empty(), words));
    after(Duration.ofSeconds(10));
    assertThat(check().status()).isEqualTo(KycCheck.Status.IN_REVIEW);
    assertThat(check().findings()).isEqualTo(words);
    KycReview review = app.storage.kycReviews().findOpen(customer).orElseThrow();
    assertThat(review.reason()).isEqualTo(KycReview.Reason.VENDOR_REVIEW);
    assertThat(review.findings()).isEqualTo(words);
    assertThat(events(EventType.KYC_REVIEW_REQUIRED))
        .singleElement()
        .satisfies(e -> assertThat(e.actor()).isEqualTo(Actor.kycProvider("scripted")));
    assertThat(status()).isEqualTo(KycStatus.PENDING);
    assertThatThrownBy(this::selfie)
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.code()).isEqualTo("kyc_check_in_progress"));
  }

  @Test
  void atTheDeadlineTheCheckExpiresAReviewOpensAsTheSchedulerAndALateVerdictChangesNothing() {
    selfie();
    String job = check().job().reference();
    after(KycCheck.DEFAULT_VERDICT_DEADLINE);
    assertThat(check().status()).isEqualTo(KycCheck.Status.EXPIRED);
    KycReview review = app.storage.kycReviews().findOpen(customer).orElseThrow();
    assertThat(review.reason()).isEqualTo(KycReview.Reason.VENDOR_TIMEOUT);
    assertThat(events(EventType.KYC_REVIEW_REQUIRED))
        .singleElement()
        .satisfies(e -> assertThat(e.actor()).isEqualTo(Actor.scheduler()));
    assertThat(app.queue.waiting()).isEmpty();

    app.kyc.decide(job, ScriptedKycVerifier.approved());
    assertThat(callback(job)).isEqualTo(ReceiveKycCallbackUseCase.Outcome.NOTHING_TO_DO);
    assertThat(status()).isEqualTo(KycStatus.PENDING);
  }

  @Test
  void aVendorDownDuringAPollIsAskedAgainLaterAndChangesNothing() {
    selfie();
    app.kyc.setDown(true);
    after(Duration.ofSeconds(10));
    assertThat(check().isPending()).isTrue();
    assertThat(app.queue.waiting(WorkQueue.Kind.KYC_POLL)).hasSize(1);
    app.kyc.setDown(false);
    app.kyc.decide(check().job().reference(), ScriptedKycVerifier.approved());
    after(Duration.ofSeconds(20));
    assertThat(status()).isEqualTo(KycStatus.VERIFIED);
  }

  @Test
  void reopeningWaitsForAPendingCheckAndSupersedesAnOpenReview() {
    selfie();
    assertThatThrownBy(() -> app.reopenKyc.reopen(customer.value()))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.code()).isEqualTo("kyc_check_in_progress"));
    after(KycCheck.DEFAULT_VERDICT_DEADLINE);
    KycReview review = app.storage.kycReviews().findOpen(customer).orElseThrow();

    app.reopenKyc.reopen(customer.value());
    assertThat(app.storage.kycReviews().find(review.id()).orElseThrow().status())
        .isEqualTo(KycReview.Status.SUPERSEDED);
    assertThat(status()).isEqualTo(KycStatus.UNVERIFIED);
  }

  @Test
  void workForACheckThatNoLongerExistsOrWaitsIsDone() {
    assertThat(app.useCases.kycFollowUp().poll("kyc_" + "x".repeat(24))).isEmpty();
    assertThat(app.useCases.kycFollowUp().poll("garbage")).isEmpty();
    assertThat(app.useCases.kycFollowUp().expire("kyc_" + "x".repeat(24))).isEmpty();
  }

  private static DocumentExtraction reading(int expiryYear) {
    return new DocumentExtraction(
        "Rosa",
        "Tembe",
        LocalDate.of(1988, 3, 2),
        SensitiveId.of("id_number", "110100999999B"),
        LocalDate.of(expiryYear - 10, 1, 1),
        LocalDate.of(expiryYear, 1, 1),
        null);
  }
}
