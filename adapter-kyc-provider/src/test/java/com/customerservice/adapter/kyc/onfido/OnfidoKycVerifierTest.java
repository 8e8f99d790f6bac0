package com.customerservice.adapter.kyc.onfido;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.customerservice.adapter.kyc.onfido.FakeOnfido.Fault;
import com.customerservice.adapter.kyc.onfido.FakeOnfido.Outcome;
import com.customerservice.adapter.kyc.onfido.FakeOnfido.Received;
import com.customerservice.domain.error.DependencyUnavailableException;
import com.customerservice.domain.error.InvalidValueException;
import com.customerservice.domain.kyc.DocumentSubmission;
import com.customerservice.domain.kyc.DocumentType;
import com.customerservice.domain.kyc.KycReview;
import com.customerservice.domain.kyc.Refusal;
import com.customerservice.domain.kyc.VendorJob;
import com.customerservice.domain.kyc.Verdict;
import com.customerservice.domain.port.KycVerifier;
import com.customerservice.domain.port.KycVerifier.Poll;
import com.customerservice.domain.port.KycVerifier.SelfieCheck;
import com.customerservice.domain.port.KycVerifier.Submission;
import com.customerservice.domain.port.KycVerifier.VendorMessage;
import com.customerservice.testkit.contract.KycVerifierContract;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Onfido client against a local fake of Onfido's API v3.6: the shared {@link KycVerifier}
 * contract, what the client sends (the applicant once per customer, each document side with
 * Onfido's type and country, the live photo, one check with both reports), how a selfie's request
 * waits and a poll reads the verdict, and every failure the vendor can serve, above all one paid
 * check per selfie. The verdict mapping and webhooks have tests of their own.
 */
class OnfidoKycVerifierTest extends KycVerifierContract {
  /** Long enough for a verdict on the first read, short enough for a check taken for later. */
  private static final Duration SHORT_WAIT = Duration.ofMillis(200);

  private static final String FACE = "facial_similarity_photo";

  private final OnfidoTestBed bed = new OnfidoTestBed();
  private final FakeOnfido fake = bed.fake;
  private final OnfidoKycVerifier onfido = bed.verifier(SHORT_WAIT);

  @AfterEach
  void stopFake() {
    bed.close();
  }

  // The contract's hooks

  @Override
  protected KycVerifier verifier() {
    return onfido;
  }

  @Override
  protected KycVerifier.DocumentCheck documentCheck(DocumentScenario scenario) {
    return bed.passportCheck();
  }

  @Override
  protected SelfieCheck selfieCheck(DocumentScenario document, SelfieScenario scenario) {
    SelfieCheck check = bed.selfieCheck();
    String job = check.jobId();
    Outcome clear =
        Outcome.clear(document == DocumentScenario.EXPIRED ? "2020-01-01" : "2031-05-01");
    switch (scenario) {
      case APPROVED_AT_ONCE -> fake.decide(job, clear);
      case FACE_MISMATCH_AT_ONCE -> fake.decide(job, faceMismatch());
      case NOT_LIVE_AT_ONCE ->
          fake.decide(job, Outcome.consider(FACE, "visual_authenticity", "spoofing_detection"));
      case APPROVED_LATER -> fake.hold(job, clear);
      case FACE_MISMATCH_LATER -> fake.hold(job, faceMismatch());
      case NEEDS_A_PERSON ->
          fake.decide(
              job,
              Outcome.consider("document", "visual_authenticity", "original_document_present"));
    }
    return check;
  }

  @Override
  protected void letTheVendorDecide(VendorJob job) {
    fake.finish(job.reference());
  }

  @Override
  protected Optional<VendorMessage> authenticCallbackAbout(VendorJob job) {
    return fake.webhookAbout(job.reference()).map(FakeOnfido.Webhook::message);
  }

  @Override
  protected VendorMessage forgedCallbackAbout(VendorJob job) {
    byte[] body = FakeOnfido.webhookBody("check", "check.completed", job.reference(), "complete");
    return new VendorMessage(
        body, Map.of("x-sha2-signature", FakeOnfido.signature("a-guessed-token", body)));
  }

  private static Outcome faceMismatch() {
    return Outcome.consider(FACE, "face_comparison", "face_match");
  }

  private SelfieCheck approvedSelfie() {
    return selfieCheck(DocumentScenario.VALID, SelfieScenario.APPROVED_AT_ONCE);
  }

  private static Verdict decided(Submission submission) {
    assertThat(submission).isInstanceOf(Submission.Decided.class);
    return ((Submission.Decided) submission).verdict();
  }

  private static JsonNode lastBody(List<Received> received) {
    return received.get(received.size() - 1).json();
  }

  // The applicant: once per customer

  @Test
  void theApplicantIsCreatedWithWhatTheCustomerEnteredAndBecomesTheJobsSubject() {
    SelfieCheck check =
        OnfidoTestBed.of(
            approvedSelfie(),
            new KycVerifier.Applicant(
                Optional.of("Ana Maria"),
                Optional.of("Cossa"),
                Optional.of(LocalDate.of(1991, 4, 12))),
            Optional.empty());
    Submission submission = onfido.submit(check);
    JsonNode applicant = lastBody(fake.received(FakeOnfido.APPLICANTS));
    assertThat(applicant.path("first_name").asText()).isEqualTo("Ana Maria");
    assertThat(applicant.path("last_name").asText()).isEqualTo("Cossa");
    assertThat(applicant.path("dob").asText()).isEqualTo("1991-04-12");
    assertThat(applicant.has("phone_number")).isFalse();
    String created = lastBody(fake.received(FakeOnfido.CREATE_CHECK)).path("applicant_id").asText();
    assertThat(submission.job().subject()).contains(created);
    assertThat(submission.job().reference()).isEqualTo(fake.checkIds().get(0));
  }

  @Test
  void namesTheCustomerHasNotEnteredAreSentAsAWordThatClaimsNothing() {
    onfido.submit(approvedSelfie());
    JsonNode applicant = lastBody(fake.received(FakeOnfido.APPLICANTS));
    assertThat(applicant.path("first_name").asText()).isEqualTo(OnfidoKycVerifier.UNKNOWN_NAME);
    assertThat(applicant.path("last_name").asText()).isEqualTo(OnfidoKycVerifier.UNKNOWN_NAME);
    assertThat(applicant.has("dob")).isFalse();
  }

  @Test
  void aSecondSelfieOfTheSameCustomerReusesTheApplicantTheFirstCreated() {
    String applicant = onfido.submit(approvedSelfie()).job().subject().orElseThrow();

    SelfieCheck second = OnfidoTestBed.withSubject(approvedSelfie(), applicant);
    Submission again = onfido.submit(second);

    assertThat(fake.applicantCount()).isEqualTo(1);
    assertThat(fake.received(FakeOnfido.APPLICANTS))
        .extracting(Received::method)
        .containsExactly("POST", "PUT");
    assertThat(lastBody(fake.received(FakeOnfido.CREATE_CHECK)).path("applicant_id").asText())
        .isEqualTo(applicant);
    assertThat(again.job().subject()).contains(applicant);
    assertThat(again.job().reference()).isNotEqualTo(fake.checkIds().get(0));
  }

  @Test
  void anApplicantOnfidoHasDeletedIsCreatedAgain() {
    String applicant = onfido.submit(approvedSelfie()).job().subject().orElseThrow();
    fake.deleteApplicant(applicant);
    Submission again = onfido.submit(OnfidoTestBed.withSubject(approvedSelfie(), applicant));
    assertThat(decided(again)).isInstanceOf(Verdict.Approved.class);
    assertThat(again.job().subject()).isPresent().get().isNotEqualTo(applicant);
  }

  // What the client sends

  @Test
  void eachSideIsUploadedWithOnfidosTypeAndCountryThenTheLivePhotoThenOneCheckWithBothReports() {
    SelfieCheck check = approvedSelfie();
    onfido.submit(check);
    List<Received> documents = fake.received(FakeOnfido.DOCUMENTS);
    assertThat(documents).hasSize(2);
    assertThat(documents)
        .allSatisfy(
            d -> {
              assertThat(d.form()).containsEntry("type", "national_identity_card");
              assertThat(d.form()).containsEntry("issuing_country", "MOZ");
            });
    assertThat(documents.get(0).form()).containsEntry("side", "front");
    assertThat(documents.get(0).file()).isEqualTo(bed.front);
    assertThat(documents.get(0).form()).containsEntry("file.content_type", "image/jpeg");
    assertThat(documents.get(1).form()).containsEntry("side", "back");
    assertThat(documents.get(1).file()).isEqualTo(bed.back);
    assertThat(documents.get(1).form()).containsEntry("file.content_type", "image/png");
    Received photo = fake.received(FakeOnfido.LIVE_PHOTOS).get(0);
    assertThat(photo.file()).isEqualTo(bed.selfie);
    assertThat(photo.form()).containsEntry("advanced_validation", "true");
    JsonNode created = lastBody(fake.received(FakeOnfido.CREATE_CHECK));
    assertThat(created.path("report_names"))
        .extracting(JsonNode::asText)
        .containsExactly("document", FACE);
    assertThat(created.path("document_ids")).hasSize(2);
    assertThat(created.path("tags")).extracting(JsonNode::asText).containsExactly(check.jobId());
    assertThat(created.has("consider")).isFalse();
  }

  @Test
  void aPassportIsUploadedOnceWithoutASide() {
    SelfieCheck check = bed.selfieCheck("MZ_PASSPORT");
    fake.decide(check.jobId(), Outcome.clear());
    onfido.submit(check);
    List<Received> documents = fake.received(FakeOnfido.DOCUMENTS);
    assertThat(documents).hasSize(1);
    assertThat(documents.get(0).form()).containsEntry("type", "passport").doesNotContainKey("side");
  }

  @Test
  void everyCatalogueDocumentHasAnOnfidoTypeAndTheCataloguesCountryInThreeLetters() {
    var types = new OnfidoDocumentTypes(OnfidoTestBed.CATALOGUE);
    OnfidoTestBed.CATALOGUE
        .supported()
        .forEach(
            type -> {
              var onfidoType = types.of(type.code());
              assertThat(onfidoType.type()).as(type.code()).isNotBlank();
              assertThat(onfidoType.issuingCountry())
                  .as(type.code())
                  .isEqualTo(new Locale("", type.country()).getISO3Country());
              assertThat(onfidoType.hasBack()).isEqualTo(type.hasBack());
            });
    assertThat(types.of("MZ_DIRE").type()).isEqualTo("residence_permit");
  }

  @Test
  void readingADocumentCallsNoVendorButRefusesATypeOnfidoCannotVerify() {
    assertThat(onfido.readDocument(documentCheck(DocumentScenario.VALID))).isEmpty();
    DocumentType unknown = new DocumentType("MZ_LIBRARY_CARD", "Library card", "MZ", false);
    OnfidoKycVerifier withCustomCatalogue = bed.verifier(SHORT_WAIT, () -> List.of(unknown));
    assertThatThrownBy(
            () ->
                withCustomCatalogue.readDocument(
                    new KycVerifier.DocumentCheck(
                        bed.customer,
                        "ref",
                        new DocumentSubmission(
                            unknown, OnfidoTestBed.image(bed.front), Optional.empty()))))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> assertThat(e.code()).isEqualTo("document_type_unsupported"));
    assertThat(fake.received(FakeOnfido.APPLICANTS)).isEmpty();
  }

  @Test
  void anApprovalCarriesWhatTheDocumentReportRead() {
    var read = decided(onfido.submit(approvedSelfie())).reading().orElseThrow();
    assertThat(read.givenNames()).isEqualTo("Ana Maria");
    assertThat(read.surname()).isEqualTo("Cossa");
    assertThat(read.idNumber().reveal()).isEqualTo("110100123456A");
    assertThat(read.dateOfBirth()).hasToString("1991-04-12");
    assertThat(read.issuedAt()).hasToString("2021-05-01");
    assertThat(read.expiresAt()).hasToString("2031-05-01");
  }

  @Test
  void aConsiderIsAReviewWithEachReportsWordsAndNothingReadOffTheDocument() {
    Verdict verdict =
        decided(
            onfido.submit(
                selfieCheck(DocumentScenario.VALID, SelfieScenario.FACE_MISMATCH_AT_ONCE)));
    assertThat(((Verdict.NeedsReview) verdict).reason()).isEqualTo(KycReview.Reason.VENDOR_REVIEW);
    Map<String, Object> words = verdict.findings().toPlainMap();
    assertThat(words).containsKeys("check", "document", FACE);
    assertThat(words.get(FACE).toString())
        .contains("result=consider", "face_comparison={result=consider, face_match=consider}");
    assertThat(words.toString()).doesNotContain("Cossa", "110100123456A", "1991-04-12", "0.12");
    assertThat(verdict.reading()).isPresent();
  }

  @Test
  void aWithdrawnCheckIsAFailureThatCountsNothing() {
    SelfieCheck check = bed.selfieCheck();
    fake.decide(check.jobId(), Outcome.withdrawn());
    Verdict verdict = decided(onfido.submit(check));
    assertThat(((Verdict.Refused) verdict).refusal()).isEqualTo(Refusal.IMAGE_UNPROCESSABLE);
    assertThat(Refusal.IMAGE_UNPROCESSABLE.effect()).isEqualTo(Refusal.Effect.NONE);
  }

  @Test
  void theApiTokenAuthenticatesEveryCallAndAWrongOneIsRefusedNotRetried() {
    onfido.submit(approvedSelfie());
    OnfidoKycVerifier wrongToken =
        new OnfidoKycVerifier(
            new OnfidoSettings(
                fake.baseUrl(),
                "api_sandbox.wrong",
                FakeOnfido.WEBHOOK_TOKEN,
                bed.settings(SHORT_WAIT).timings()),
            OnfidoTestBed.CATALOGUE,
            java.time.Clock.systemUTC());
    int before = fake.received(FakeOnfido.APPLICANTS).size();
    assertThatThrownBy(() -> wrongToken.submit(approvedSelfie()))
        .isInstanceOf(DependencyUnavailableException.class);
    assertThat(fake.received(FakeOnfido.APPLICANTS)).hasSize(before + 1);
  }

  // Waiting in the request, then polling

  @Test
  void aCheckStillRunningWhenTheWaitEndsIsTakenUnderOnfidosCheckIdWithTheApplicant() {
    SelfieCheck check = selfieCheck(DocumentScenario.VALID, SelfieScenario.APPROVED_LATER);
    Submission submission = onfido.submit(check);
    assertThat(submission).isInstanceOf(Submission.Submitted.class);
    assertThat(submission.job().reference()).isEqualTo(fake.checkIds().get(0));
    assertThat(submission.job().subject()).isPresent();
    assertThat(fake.received(FakeOnfido.GET_CHECK).size()).isGreaterThan(1);
    assertThat(fake.received(FakeOnfido.REPORTS))
        .as("a running check's reports are not read")
        .isEmpty();
  }

  @Test
  void withNoWaitTheCheckIsTakenWithoutARead() {
    assertThat(bed.verifier(Duration.ZERO).submit(approvedSelfie()))
        .isInstanceOf(Submission.Submitted.class);
    assertThat(fake.received(FakeOnfido.GET_CHECK)).isEmpty();
  }

  @Test
  void aPollOfAReferenceThatIsNoOnfidoIdStaysPendingWithoutACall() {
    assertThat(onfido.poll(bed.customer, VendorJob.of("sandbox-423-1-abc")))
        .isEqualTo(new Poll.StillPending());
    assertThat(onfido.poll(bed.customer, VendorJob.of("checks/42")))
        .isEqualTo(new Poll.StillPending());
    assertThat(fake.received(FakeOnfido.GET_CHECK)).isEmpty();
  }

  // One paid check per selfie

  @Test
  void aCheckWhoseCreationAnswerWasLostIsFoundNotPaidForTwice() {
    fake.fail(FakeOnfido.CREATE_CHECK, Fault.LOST_ANSWER);
    SelfieCheck check = approvedSelfie();
    Submission submission = onfido.submit(check);
    assertThat(decided(submission)).isInstanceOf(Verdict.Approved.class);
    assertThat(fake.checkIds()).hasSize(1);
    assertThat(submission.job().reference()).isEqualTo(fake.checkIds().get(0));
    assertThat(fake.received(FakeOnfido.CREATE_CHECK)).hasSize(1);
    assertThat(fake.received(FakeOnfido.LIST_CHECKS)).hasSize(1);
  }

  @Test
  void aCheckCreationThatFailedIsTriedAgainOnlyOnceTheApplicantHasNone() {
    fake.fail(FakeOnfido.CREATE_CHECK, Fault.SERVER_ERROR);
    assertThat(decided(onfido.submit(approvedSelfie()))).isInstanceOf(Verdict.Approved.class);
    assertThat(fake.checkIds()).hasSize(1);
    assertThat(fake.received(FakeOnfido.CREATE_CHECK)).hasSize(2);
    assertThat(fake.received(FakeOnfido.LIST_CHECKS)).hasSize(1);
  }

  @Test
  void aCheckOfAnEarlierSelfieIsNotMistakenForThisOnesLostOne() {
    String applicant = onfido.submit(approvedSelfie()).job().subject().orElseThrow();
    fake.fail(FakeOnfido.CREATE_CHECK, Fault.LOST_ANSWER);
    Submission second = onfido.submit(OnfidoTestBed.withSubject(approvedSelfie(), applicant));
    // The applicant has two checks now: this selfie's is the one tagged with its job id.
    assertThat(fake.checkIds()).hasSize(2);
    assertThat(fake.received(FakeOnfido.CREATE_CHECK)).hasSize(2);
    assertThat(second.job().reference()).isEqualTo(fake.checkIds().get(1));
  }

  @Test
  void aRateLimitedCheckCreationDidNothingAndIsTriedAgainWithoutLooking() {
    fake.fail(FakeOnfido.CREATE_CHECK, Fault.TOO_MANY_REQUESTS);
    assertThat(decided(onfido.submit(approvedSelfie()))).isInstanceOf(Verdict.Approved.class);
    assertThat(fake.received(FakeOnfido.CREATE_CHECK)).hasSize(2);
    assertThat(fake.received(FakeOnfido.LIST_CHECKS)).isEmpty();
    assertThat(fake.checkIds()).hasSize(1);
  }

  @Test
  void aCheckCreationThatKeepsFailingIs503AfterTheLastLookFindsNothing() {
    fake.fail(FakeOnfido.CREATE_CHECK, Fault.SERVER_ERROR, Fault.SERVER_ERROR, Fault.SERVER_ERROR);
    assertThatThrownBy(() -> onfido.submit(approvedSelfie()))
        .isInstanceOfSatisfying(
            DependencyUnavailableException.class,
            e -> assertThat(e.code()).isEqualTo("kyc_provider_unavailable"));
    assertThat(fake.received(FakeOnfido.CREATE_CHECK)).hasSize(3);
    assertThat(fake.received(FakeOnfido.LIST_CHECKS)).hasSize(3);
    assertThat(fake.checkIds()).isEmpty();
  }

  @Test
  void aRefusedCheckCreationIsNeitherRetriedNorLookedFor() {
    fake.fail(FakeOnfido.CREATE_CHECK, Fault.BAD_REQUEST);
    assertThatThrownBy(() -> onfido.submit(approvedSelfie()))
        .isInstanceOf(DependencyUnavailableException.class);
    assertThat(fake.received(FakeOnfido.CREATE_CHECK)).hasSize(1);
    assertThat(fake.received(FakeOnfido.LIST_CHECKS)).isEmpty();
  }

  // Transient failures of everything else: retried

  @Test
  void uploadsAndReadsAreRetriedOnTransientFailures() {
    fake.fail(FakeOnfido.APPLICANTS, Fault.SERVER_ERROR);
    fake.fail(FakeOnfido.DOCUMENTS, Fault.TOO_MANY_REQUESTS);
    fake.fail(FakeOnfido.LIVE_PHOTOS, Fault.MALFORMED);
    fake.fail(FakeOnfido.GET_CHECK, Fault.SERVER_ERROR);
    fake.fail(FakeOnfido.REPORTS, Fault.MALFORMED);
    assertThat(decided(onfido.submit(approvedSelfie()))).isInstanceOf(Verdict.Approved.class);
    assertThat(fake.received(FakeOnfido.APPLICANTS)).hasSize(2);
    assertThat(fake.received(FakeOnfido.DOCUMENTS)).hasSize(3);
    assertThat(fake.received(FakeOnfido.LIVE_PHOTOS)).hasSize(2);
    assertThat(fake.checkIds()).hasSize(1);
  }

  @Test
  void anUploadWhoseAnswerWasLostIsUploadedAgainAndOnlyTheOneAnsweredIsChecked() {
    fake.fail(FakeOnfido.DOCUMENTS, Fault.LOST_ANSWER);
    assertThat(decided(onfido.submit(approvedSelfie()))).isInstanceOf(Verdict.Approved.class);
    assertThat(fake.received(FakeOnfido.DOCUMENTS)).hasSize(3);
    assertThat(lastBody(fake.received(FakeOnfido.CREATE_CHECK)).path("document_ids")).hasSize(2);
  }

  @Test
  void aSlowAnswerPastTheTimeoutIsRetriedThenTheOutageIs503BeforeAnyCheck() {
    fake.fail(FakeOnfido.LIVE_PHOTOS, Fault.SLOW, Fault.SLOW, Fault.SLOW);
    long started = System.nanoTime();
    assertThatThrownBy(() -> onfido.submit(approvedSelfie()))
        .isInstanceOfSatisfying(
            DependencyUnavailableException.class,
            e -> assertThat(e.code()).isEqualTo("kyc_provider_unavailable"));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    assertThat(fake.received(FakeOnfido.LIVE_PHOTOS)).hasSize(3);
    assertThat(fake.received(FakeOnfido.CREATE_CHECK)).isEmpty();
  }

  @Test
  void aRefusalIsNotRetriedAnd503AndOnfidosMessageStaysOutOfTheReason() {
    fake.fail(FakeOnfido.DOCUMENTS, Fault.BAD_REQUEST);
    assertThatThrownBy(() -> onfido.submit(approvedSelfie()))
        .isInstanceOfSatisfying(
            DependencyUnavailableException.class,
            e ->
                assertThat(e.getCause().getMessage())
                    .contains("HTTP 422", "validation_error")
                    .doesNotContain("Cossa"));
    assertThat(fake.received(FakeOnfido.DOCUMENTS)).hasSize(1);
    assertThat(fake.received(FakeOnfido.CREATE_CHECK)).isEmpty();
  }

  @Test
  void anOutageAfterTheCheckExistsLeavesItToThePollsNever503() {
    fake.fail(FakeOnfido.GET_CHECK, Fault.SERVER_ERROR, Fault.SERVER_ERROR, Fault.SERVER_ERROR);
    Submission submission = bed.verifier(Duration.ofMillis(1)).submit(approvedSelfie());
    assertThat(submission).isInstanceOf(Submission.Submitted.class);
    assertThat(fake.checkIds()).hasSize(1);
  }

  @Test
  void aPollDuringAnOutageIs503ForTheSchedulerToRetry() {
    VendorJob job =
        onfido.submit(selfieCheck(DocumentScenario.VALID, SelfieScenario.APPROVED_LATER)).job();
    fake.fail(FakeOnfido.GET_CHECK, Fault.SERVER_ERROR, Fault.SERVER_ERROR, Fault.SERVER_ERROR);
    assertThatThrownBy(() -> onfido.poll(bed.customer, job))
        .isInstanceOf(DependencyUnavailableException.class);
  }

  // The circuit breaker

  @Test
  void afterRepeatedOutagesTheCircuitOpensAndAnswers503WithoutCallingOnfido() {
    for (int i = 0; i < 4; i++) {
      fake.fail(FakeOnfido.APPLICANTS, Fault.SERVER_ERROR, Fault.SERVER_ERROR, Fault.SERVER_ERROR);
      assertThatThrownBy(() -> onfido.submit(approvedSelfie()))
          .isInstanceOf(DependencyUnavailableException.class);
    }
    assertThat(onfido.circuitClosed()).isFalse();
    int callsBefore = fake.received(FakeOnfido.APPLICANTS).size();
    long started = System.nanoTime();
    assertThatThrownBy(() -> onfido.submit(approvedSelfie()))
        .isInstanceOf(DependencyUnavailableException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(200));
    assertThat(fake.received(FakeOnfido.APPLICANTS)).hasSize(callsBefore);
    assertThatThrownBy(
            () -> onfido.poll(bed.customer, VendorJob.of("f2302f45-227d-413d-ad61-09ec077a086a")))
        .isInstanceOf(DependencyUnavailableException.class);
    assertThat(fake.received(FakeOnfido.GET_CHECK)).isEmpty();
  }

  // Webhooks the fake really sent

  @Test
  void onfidoSendsASignedWebhookWhenACheckCompletesAndItNamesTheCheck() {
    VendorJob job = onfido.submit(approvedSelfie()).job();
    FakeOnfido.Webhook webhook = fake.webhookAbout(job.reference()).orElseThrow();
    assertThat(new String(webhook.body(), StandardCharsets.UTF_8)).contains("check.completed");
    assertThat(onfido.readCallback(webhook.message()))
        .isEqualTo(new KycVerifier.CallbackReading.AboutJob(job.reference()));
  }
}
