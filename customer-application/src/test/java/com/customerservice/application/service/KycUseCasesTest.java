package com.customerservice.application.service;

import static com.customerservice.domain.kyc.VendorFindings.none;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.customerservice.application.fixtures.InMemoryApplication;
import com.customerservice.application.port.in.UploadIdentityDocumentUseCase;
import com.customerservice.application.port.in.UploadSelfieUseCase;
import com.customerservice.domain.customer.Customer;
import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.customer.KycStatus;
import com.customerservice.domain.customer.SensitiveId;
import com.customerservice.domain.error.ConflictException;
import com.customerservice.domain.error.DependencyUnavailableException;
import com.customerservice.domain.error.InvalidValueException;
import com.customerservice.domain.error.KycRefusedException;
import com.customerservice.domain.error.NotFoundException;
import com.customerservice.domain.file.Bucket;
import com.customerservice.domain.file.Image;
import com.customerservice.domain.fixtures.TestImages;
import com.customerservice.domain.kyc.DocumentExtraction;
import com.customerservice.domain.kyc.KycCheck;
import com.customerservice.domain.kyc.Refusal;
import com.customerservice.domain.kyc.SelfieResult;
import com.customerservice.domain.kyc.Verdict;
import com.customerservice.testkit.fakes.ScriptedKycVerifier;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Identity document and selfie: the KYC case from unverified to verified or rejected. */
class KycUseCasesTest {
  private final InMemoryApplication app = new InMemoryApplication();
  private final Image front = Image.decode("image1", TestImages.jpeg(64, 40), Long.MAX_VALUE);
  private final Image back = Image.decode("image2", TestImages.png(64, 40), Long.MAX_VALUE);
  private final Image selfie = Image.decode("image", TestImages.jpeg(48, 64), Long.MAX_VALUE);
  private CustomerId customer;

  @BeforeEach
  void onboard() {
    customer = app.onboard("+258841234567");
  }

  private UploadIdentityDocumentUseCase.Uploaded uploadIdCard() {
    return app.uploadDocument.upload(
        new UploadIdentityDocumentUseCase.Command(
            customer.value(),
            () -> new UploadIdentityDocumentUseCase.Document("MZ_BI", front, Optional.of(back))));
  }

  private SelfieResult selfie(String reference) {
    return app.uploadSelfie.upload(
        new UploadSelfieUseCase.Command(
            customer.value(), () -> new UploadSelfieUseCase.Selfie(reference, selfie)));
  }

  private Customer current() {
    return app.get.get(customer.value());
  }

  @Test
  void anUnknownDocumentTypeIsABadRequest() {
    assertThatThrownBy(
            () ->
                app.uploadDocument.upload(
                    new UploadIdentityDocumentUseCase.Command(
                        customer.value(),
                        () ->
                            new UploadIdentityDocumentUseCase.Document(
                                "XX_CARD", front, Optional.empty()))))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> {
              assertThat(e.param()).contains("doc_type");
              assertThat(e.code()).isEqualTo("document_type_invalid");
            });
    assertThat(app.kyc.documentChecks()).isEmpty();
  }

  @Test
  void aTwoSidedDocumentWithoutItsBackIsABadRequestAndCostsNoVendorCall() {
    assertThatThrownBy(
            () ->
                app.uploadDocument.upload(
                    new UploadIdentityDocumentUseCase.Command(
                        customer.value(),
                        () ->
                            new UploadIdentityDocumentUseCase.Document(
                                "MZ_BI", front, Optional.empty()))))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.param()).contains("image2"));
    assertThat(app.kyc.documentChecks()).isEmpty();
  }

  @Test
  void anUnknownCustomerIsNotFound() {
    assertThatThrownBy(
            () ->
                app.uploadDocument.upload(
                    new UploadIdentityDocumentUseCase.Command(
                        "cus_abcdefghijklmnopqrstuvwx",
                        () ->
                            new UploadIdentityDocumentUseCase.Document(
                                "MZ_PASSPORT", front, Optional.empty()))))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void anExpiredDocumentIsRefusedAndNothingIsStored() {
    app.kyc.answerDocument(
        new DocumentExtraction(
            "Jane",
            "Machava",
            LocalDate.of(1990, 1, 15),
            SensitiveId.of("id_number", "X1"),
            LocalDate.of(2015, 1, 1),
            LocalDate.of(2025, 1, 1),
            null));
    assertThatThrownBy(this::uploadIdCard)
        .isInstanceOfSatisfying(
            KycRefusedException.class, e -> assertThat(e.code()).isEqualTo("document_expired"));
    assertThat(current().kycStatus()).isEqualTo(KycStatus.UNVERIFIED);
    assertThat(app.store.size()).isZero();
  }

  @Test
  void aVendorOutageIsUnavailableAndNothingIsStored() {
    app.kyc.setDown(true);
    assertThatThrownBy(this::uploadIdCard).isInstanceOf(DependencyUnavailableException.class);
    assertThat(current().kycStatus()).isEqualTo(KycStatus.UNVERIFIED);
    assertThat(app.store.size()).isZero();
  }

  @Test
  void anAcceptedDocumentIsStoredAndMakesTheCasePending() {
    var uploaded = uploadIdCard();
    assertThat(uploaded.document().reference().value()).matches("ref_[A-Za-z0-9]{24}");
    assertThat(uploaded.document().extraction()).contains(ScriptedKycVerifier.VALID_DOCUMENT);
    assertThat(current().kycStatus()).isEqualTo(KycStatus.PENDING);
    assertThat(app.kycRecords.findDocument(uploaded.document().reference())).isPresent();
    assertThat(app.store.find(Bucket.DOCUMENTS, uploaded.document().front())).isPresent();
    assertThat(app.store.find(Bucket.DOCUMENTS, uploaded.document().back().orElseThrow()))
        .isPresent();
    // The vendor saw our reference as its job id, so a retry of the same upload is one job.
    assertThat(app.kyc.documentChecks())
        .singleElement()
        .satisfies(
            check -> assertThat(check.jobId()).isEqualTo(uploaded.document().reference().value()));
  }

  @Test
  void aSelfieWithAReferenceOfAnotherCustomerIsNotFound() {
    String reference = uploadIdCard().document().reference().value();
    CustomerId other = app.onboard("+258841234568");
    assertThatThrownBy(
            () ->
                app.uploadSelfie.upload(
                    new UploadSelfieUseCase.Command(
                        other.value(), () -> new UploadSelfieUseCase.Selfie(reference, selfie))))
        .isInstanceOfSatisfying(
            NotFoundException.class, e -> assertThat(e.param()).contains("reference"));
    assertThat(app.kyc.selfieChecks()).isEmpty();
  }

  @Test
  void aSelfieWithAnUnknownReferenceIsNotFound() {
    assertThatThrownBy(() -> selfie("ref_abc123")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> selfie("ref_" + "a".repeat(24))).isInstanceOf(NotFoundException.class);
  }

  @Test
  void aMatchingSelfieVerifiesTheCustomerWithTheDocumentsIdentity() {
    String reference = uploadIdCard().document().reference().value();
    assertThat(selfie(reference)).isInstanceOf(SelfieResult.Match.class);
    Customer verified = current();
    assertThat(verified.kycStatus()).isEqualTo(KycStatus.VERIFIED);
    assertThat(verified.profile().firstName().value()).isEqualTo("Jane");
    assertThat(verified.profile().lastName().value()).isEqualTo("Machava");
    assertThat(verified.profile().dateOfBirth()).isEqualTo(LocalDate.of(1990, 1, 15));
    assertThat(verified.governmentIds().nationalityId().reveal()).isEqualTo("110100123456A");
    assertThat(app.storage.kycChecks().all())
        .singleElement()
        .satisfies(
            check -> {
              assertThat(check.status()).isEqualTo(KycCheck.Status.DECIDED);
              assertThat(check.result()).contains(KycCheck.Result.VERIFIED);
              assertThat(check.document().value()).isEqualTo(reference);
              assertThat(check.vendor()).isEqualTo("scripted");
            });
  }

  @Test
  void aVerifiedCustomerIsRefusedANewDocumentBeforeTheVendorIsPaid() {
    selfie(uploadIdCard().document().reference().value());
    int vendorCalls = app.kyc.documentChecks().size();
    assertThatThrownBy(this::uploadIdCard)
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.code()).isEqualTo("identity_verified"));
    assertThat(app.kyc.documentChecks()).hasSize(vendorCalls);
    assertThat(current().kycStatus()).isEqualTo(KycStatus.VERIFIED);
  }

  @Test
  void theSelfieIsCheckedAgainstTheDocumentsFrontPage() {
    var uploaded = uploadIdCard();
    selfie(uploaded.document().reference().value());
    var check = app.kyc.selfieChecks().get(0);
    assertThat(check.documentFront().id()).isEqualTo(uploaded.document().front());
    assertThat(check.documentFront().content()).isEqualTo(front.content());
  }

  @Test
  void theSelfieJobGetsBothPagesOfATwoSidedDocument() {
    var uploaded = uploadIdCard();
    selfie(uploaded.document().reference().value());
    var check = app.kyc.selfieChecks().get(0);
    assertThat(check.documentBack())
        .hasValueSatisfying(page -> assertThat(page.content()).isEqualTo(back.content()));
  }

  @Test
  void withAProviderThatReadsOnlyWithTheSelfieTheDocumentWaitsUnreadAndTheMatchBringsTheIdentity() {
    app.kyc.readDocumentsOnlyWithTheSelfie();
    var uploaded = uploadIdCard();
    assertThat(uploaded.document().extraction()).isEmpty();
    assertThat(current().kycStatus()).isEqualTo(KycStatus.PENDING);

    app.kyc.answerSelfie(new Verdict.Approved(Optional.of(readWithSelfie(2034)), none()));
    assertThat(selfie(uploaded.document().reference().value()).code()).isNull();
    Customer verified = current();
    assertThat(verified.kycStatus()).isEqualTo(KycStatus.VERIFIED);
    assertThat(verified.profile().firstName().value()).isEqualTo("Rosa");
    assertThat(verified.profile().lastName().value()).isEqualTo("Tembe");
    assertThat(verified.governmentIds().nationalityId().reveal()).isEqualTo("110100999999B");
  }

  @Test
  void aDocumentFoundExpiredInTheSelfieJobIsRefusedAndVerifiesNoOne() {
    app.kyc.readDocumentsOnlyWithTheSelfie();
    var uploaded = uploadIdCard();
    app.kyc.answerSelfie(new Verdict.Approved(Optional.of(readWithSelfie(2021)), none()));
    assertThatThrownBy(() -> selfie(uploaded.document().reference().value()))
        .isInstanceOfSatisfying(
            KycRefusedException.class,
            e -> {
              assertThat(e.code()).isEqualTo("document_expired");
              assertThat(e.param()).contains("reference");
            });
    assertThat(current().kycStatus()).isEqualTo(KycStatus.PENDING);
    assertThat(current().kyc().failedAttempts()).isZero();
    assertThat(current().governmentIds().nationalityId()).isNull();
    // The check that found it is kept as evidence, refused for the document.
    assertThat(app.storage.kycChecks().all())
        .singleElement()
        .satisfies(check -> assertThat(check.result()).contains(KycCheck.Result.DOCUMENT));
  }

  private static DocumentExtraction readWithSelfie(int expiryYear) {
    return new DocumentExtraction(
        "Rosa",
        "Tembe",
        LocalDate.of(1988, 3, 2),
        SensitiveId.of("id_number", "110100999999B"),
        LocalDate.of(expiryYear - 10, 1, 1),
        LocalDate.of(expiryYear, 1, 1),
        null);
  }

  @Test
  void threeFailedSelfiesRejectTheCaseAndAFourthIsRefused() {
    String reference = uploadIdCard().document().reference().value();
    app.kyc.answerSelfie(new Verdict.Refused(Refusal.FACE_MISMATCH));
    assertThat(selfie(reference)).isEqualTo(new SelfieResult.FaceMismatch());
    app.kyc.answerSelfie(new Verdict.Refused(Refusal.NOT_LIVE));
    assertThat(selfie(reference).code()).isEqualTo("live");
    assertThat(current().kycStatus()).isEqualTo(KycStatus.PENDING);
    selfie(reference);
    assertThat(current().kycStatus()).isEqualTo(KycStatus.REJECTED);

    app.kyc.answerSelfie(ScriptedKycVerifier.approved());
    assertThatThrownBy(() -> selfie(reference))
        .isInstanceOfSatisfying(
            KycRefusedException.class, e -> assertThat(e.code()).isEqualTo("kyc_rejected"));
    assertThatThrownBy(this::uploadIdCard).isInstanceOf(KycRefusedException.class);
    assertThat(app.kyc.selfieChecks()).hasSize(3);
  }

  @Test
  void processingErrorsDecideNothing() {
    String reference = uploadIdCard().document().reference().value();
    app.kyc.answerSelfie(new Verdict.Refused(Refusal.IMAGE_UNPROCESSABLE));
    for (int i = 0; i < 4; i++) {
      assertThat(selfie(reference)).isEqualTo(new SelfieResult.ProcessingError());
    }
    assertThat(current().kycStatus()).isEqualTo(KycStatus.PENDING);
    assertThat(current().kyc().failedAttempts()).isZero();
  }

  @Test
  void aVendorOutageDuringTheSelfieGivesNoVerdictAndRecordsNothing() {
    var uploaded = uploadIdCard();
    int stored = app.store.size();
    app.kyc.setDown(true);
    assertThatThrownBy(() -> selfie(uploaded.document().reference().value()))
        .isInstanceOf(DependencyUnavailableException.class);
    assertThat(current().kycStatus()).isEqualTo(KycStatus.PENDING);
    assertThat(app.storage.kycChecks().all()).isEmpty();
    assertThat(app.store.size()).isEqualTo(stored);
  }

  @Test
  void theCatalogueListsItsDocuments() {
    assertThat(app.documents.list())
        .extracting(t -> t.code())
        .containsExactly("MZ_BI", "MZ_PASSPORT");
  }
}
