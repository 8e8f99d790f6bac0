package com.customerservice.adapter.kyc.smileid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.customerservice.adapter.kyc.smileid.FakeSmileId.Fault;
import com.customerservice.domain.error.DependencyUnavailableException;
import com.customerservice.domain.error.InvalidValueException;
import com.customerservice.domain.kyc.DocumentSubmission;
import com.customerservice.domain.kyc.DocumentType;
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
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Smile ID client against a local fake of Smile ID's v1 API: the shared {@link KycVerifier}
 * contract, what the client sends (signature, job id and type, images, callback address), how a
 * selfie's request waits for the verdict and a poll reads it, and every failure the vendor can
 * serve. The verdict mapping and callbacks have tests of their own.
 */
class SmileIdKycVerifierTest extends KycVerifierContract {
  /** Long enough for a verdict on the first poll, short enough for a job taken for later. */
  private static final Duration SHORT_WAIT = Duration.ofMillis(200);

  /** For jobs that finish after a few polls within the request. */
  private static final Duration LONG_WAIT = Duration.ofSeconds(5);

  private static final String COMPARE = "Selfie_To_ID_Card_Compare";

  private final SmileIdTestBed bed = new SmileIdTestBed();
  private final FakeSmileId fake = bed.fake;
  private final SmileIdKycVerifier smileId = bed.verifier(SHORT_WAIT);
  private final Map<String, JsonNode> finishLater = new ConcurrentHashMap<>();

  @AfterEach
  void stopFake() {
    bed.close();
  }

  @Override
  protected KycVerifier verifier() {
    return smileId;
  }

  @Override
  protected KycVerifier.DocumentCheck documentCheck(DocumentScenario scenario) {
    return bed.passportCheck();
  }

  @Override
  protected SelfieCheck selfieCheck(DocumentScenario document, SelfieScenario scenario) {
    SelfieCheck check = bed.selfieCheck();
    String job = check.jobId();
    String expires = document == DocumentScenario.EXPIRED ? "2020-01-01" : "2031-05-01";
    switch (scenario) {
      case APPROVED_AT_ONCE -> fake.answer(job, FakeSmileId.documentVerified(expires));
      case FACE_MISMATCH_AT_ONCE ->
          fake.answer(job, FakeSmileId.resultWith("0811", COMPARE, "Failed"));
      case NOT_LIVE_AT_ONCE ->
          fake.answer(job, FakeSmileId.resultWith("0811", "Liveness_Check", "Failed"));
      case APPROVED_LATER -> finishLater.put(job, FakeSmileId.documentVerified(expires));
      case FACE_MISMATCH_LATER ->
          finishLater.put(job, FakeSmileId.resultWith("0811", COMPARE, "Failed"));
      case NEEDS_A_PERSON -> fake.answer(job, FakeSmileId.provisionallyApproved());
    }
    return check;
  }

  @Override
  protected void letTheVendorDecide(VendorJob job) {
    fake.finish(job.reference(), finishLater.get(job.reference()));
  }

  @Override
  protected Optional<VendorMessage> authenticCallbackAbout(VendorJob job) {
    return bed.inbox.about(job.reference()).map(FakeSmileId.Callback::message);
  }

  @Override
  protected VendorMessage forgedCallbackAbout(VendorJob job) {
    return SmileIdTestBed.callbackAbout(job.reference(), "not-smile-ids-key", Instant.now());
  }

  private SelfieCheck approvedSelfie() {
    return selfieCheck(DocumentScenario.VALID, SelfieScenario.APPROVED_AT_ONCE);
  }

  /** A selfie whose job runs until the test finishes it. */
  private SelfieCheck selfieForLater() {
    return selfieCheck(DocumentScenario.VALID, SelfieScenario.APPROVED_LATER);
  }

  private static Verdict decided(Submission submission) {
    assertThat(submission).isInstanceOf(Submission.Decided.class);
    return ((Submission.Decided) submission).verdict();
  }

  // Smile ID as it really answers (the audit of its published libraries)

  @Test
  void aPartnerIdWithLeadingZerosIsSignedAsIssued() {
    try (FakeSmileId zeros =
        new FakeSmileId(SmileIdTestBed.REQUEST_TIMEOUT.toMillis() * 3, "085")) {
      SelfieCheck check = bed.selfieCheck();
      zeros.answer(check.jobId(), FakeSmileId.documentVerified("2031-05-01"));
      SmileIdKycVerifier client =
          new SmileIdKycVerifier(
              bed.settings(zeros, "085", SHORT_WAIT), SmileIdTestBed.CATALOGUE, Clock.systemUTC());
      assertThat(decided(client.submit(check))).isInstanceOf(Verdict.Approved.class);
      assertThat(zeros.received("upload").get(0).body().path("smile_client_id").asText())
          .isEqualTo("085");
    }
  }

  @Test
  void everyCatalogueDocumentHasASmileIdTypeFromTheMappingData() {
    var types = new SmileIdDocumentTypes(SmileIdTestBed.CATALOGUE);
    SmileIdTestBed.CATALOGUE
        .supported()
        .forEach(type -> assertThat(types.of(type.code()).idType()).isNotBlank());
    assertThat(types.of("MZ_BI").idType()).isEqualTo("IDENTITY_CARD");
    assertThat(types.of("MZ_DIRE").idType()).isEqualTo("RESIDENT_ID");
  }

  @Test
  void anUploadWhoseAnswerWasLostIsResentWithTheRetryFlag() {
    SelfieCheck check = approvedSelfie();
    fake.fail("upload", Fault.LOST_ANSWER);
    assertThat(decided(smileId.submit(check))).isInstanceOf(Verdict.Approved.class);
    var uploads = fake.received("upload");
    assertThat(uploads).hasSize(3); // lost, refused with 2215, resent with retry
    assertThat(uploads.get(1).body().has("retry")).isFalse();
    assertThat(uploads.get(2).body().path("retry").asBoolean()).isTrue();
    assertThat(uploads)
        .allSatisfy(
            u ->
                assertThat(u.body().path("partner_params").path("job_id").asText())
                    .isEqualTo(check.jobId()));
  }

  // What the client sends

  @Test
  void theJobIsAnnouncedSignedUnderOurJobIdAsADocumentVerificationWithOurCallbackAddress() {
    SelfieCheck check = approvedSelfie();
    smileId.submit(check);
    JsonNode announced = fake.received("upload").get(0).body();
    assertThat(announced.path("smile_client_id").asText()).isEqualTo(FakeSmileId.PARTNER_ID);
    assertThat(announced.path("partner_params").path("job_id").asText()).isEqualTo(check.jobId());
    assertThat(announced.path("partner_params").path("user_id").asText())
        .isEqualTo(bed.customer.value());
    assertThat(announced.path("partner_params").path("job_type").asInt()).isEqualTo(6);
    assertThat(announced.path("callback_url").asText()).isEqualTo(bed.inbox.url());
    SmileIdSignature expected = new SmileIdSignature(FakeSmileId.PARTNER_ID, FakeSmileId.API_KEY);
    assertThat(
            expected.verifies(
                announced.path("timestamp").asText(), announced.path("signature").asText()))
        .isTrue();
    assertThat(
            new SmileIdSignature(FakeSmileId.PARTNER_ID, "another-key")
                .verifies(
                    announced.path("timestamp").asText(), announced.path("signature").asText()))
        .isFalse();
    JsonNode polled = fake.received("job_status").get(0).body();
    assertThat(polled.path("job_id").asText()).isEqualTo(check.jobId());
    assertThat(
            expected.verifies(polled.path("timestamp").asText(), polled.path("signature").asText()))
        .isTrue();
  }

  @Test
  void theZipCarriesTheSelfieBothPagesTheDocumentsCountryAndSmileIdTypeAndOurCallbackAddress() {
    SelfieCheck check = approvedSelfie();
    smileId.submit(check);
    JsonNode info = fake.info(check.jobId());
    assertThat(info.path("id_info").path("country").asText()).isEqualTo("MZ");
    // Smile ID's current valid_documents for MZ name the identity card IDENTITY_CARD.
    assertThat(info.path("id_info").path("id_type").asText()).isEqualTo("IDENTITY_CARD");
    assertThat(info.path("misc_information").path("partner_params").path("job_id").asText())
        .isEqualTo(check.jobId());
    assertThat(info.path("misc_information").path("callback_url").asText())
        .isEqualTo(bed.inbox.url());
    JsonNode images = info.path("images");
    assertThat(images).hasSize(3);
    assertThat(image(images, 2)).isEqualTo(bed.selfie);
    assertThat(image(images, 3)).isEqualTo(bed.front);
    assertThat(image(images, 7)).isEqualTo(bed.back);
  }

  private static byte[] image(JsonNode images, int typeId) {
    for (JsonNode image : images) {
      if (image.path("image_type_id").asInt() == typeId) {
        return Base64.getDecoder().decode(image.path("image").asText());
      }
    }
    throw new AssertionError("no image of type " + typeId);
  }

  @Test
  void anApprovalCarriesWhatSmileIdReadFromTheDocument() {
    var read = decided(smileId.submit(approvedSelfie())).reading().orElseThrow();
    assertThat(read.givenNames()).isEqualTo("Ana Maria");
    assertThat(read.surname()).isEqualTo("Cossa");
    assertThat(read.idNumber().reveal()).isEqualTo("110100123456A");
    assertThat(read.dateOfBirth()).hasToString("1991-04-12");
    assertThat(read.expiresAt()).hasToString("2031-05-01");
  }

  @Test
  void readingADocumentCallsNoVendorButRefusesATypeSmileIdCannotVerify() {
    assertThat(smileId.readDocument(documentCheck(DocumentScenario.VALID))).isEmpty();
    DocumentType unknown = new DocumentType("MZ_LIBRARY_CARD", "Library card", "MZ", false);
    SmileIdKycVerifier withCustomCatalogue =
        new SmileIdKycVerifier(
            bed.settings(fake, FakeSmileId.PARTNER_ID, SHORT_WAIT),
            () -> List.of(unknown),
            Clock.systemUTC());
    assertThatThrownBy(
            () ->
                withCustomCatalogue.readDocument(
                    new KycVerifier.DocumentCheck(
                        bed.customer,
                        "ref",
                        new DocumentSubmission(
                            unknown, SmileIdTestBed.image(bed.front), Optional.empty()))))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> assertThat(e.code()).isEqualTo("document_type_unsupported"));
    assertThat(fake.received("upload")).isEmpty();
  }

  // Waiting in the request, then polling

  @Test
  void aJobThatFinishesAfterSomePollsIsDecidedDuringTheRequest() {
    fake.completeAfterPolls(3);
    assertThat(decided(bed.verifier(LONG_WAIT).submit(approvedSelfie())))
        .isInstanceOf(Verdict.Approved.class);
    assertThat(fake.received("job_status")).hasSize(4);
  }

  @Test
  void aJobStillRunningWhenTheWaitEndsIsTakenUnderOurJobId() {
    SelfieCheck check = selfieForLater();
    assertThat(smileId.submit(check))
        .isEqualTo(new Submission.Submitted(VendorJob.of(check.jobId())));
    assertThat(fake.received("job_status").size()).isGreaterThan(1);
  }

  @Test
  void withNoWaitTheJobIsTakenWithoutAPoll() {
    SelfieCheck check = approvedSelfie();
    assertThat(bed.verifier(Duration.ZERO).submit(check)).isInstanceOf(Submission.Submitted.class);
    assertThat(fake.received("job_status")).isEmpty();
  }

  @Test
  void aPollAsksAboutTheCustomersJobAndReadsTheVerdictOnceSmileIdFinishedIt() {
    SelfieCheck check = selfieForLater();
    VendorJob job = smileId.submit(check).job();
    assertThat(smileId.poll(bed.customer, job)).isEqualTo(new Poll.StillPending());

    fake.finish(job.reference(), FakeSmileId.resultWith("0811", COMPARE, "Failed"));
    Poll poll = smileId.poll(bed.customer, job);
    assertThat(((Verdict.Refused) ((Poll.Decided) poll).verdict()).refusal())
        .isEqualTo(Refusal.FACE_MISMATCH);
    List<FakeSmileId.Received> polls = fake.received("job_status");
    JsonNode last = polls.get(polls.size() - 1).body();
    assertThat(last.path("user_id").asText()).isEqualTo(bed.customer.value());
    assertThat(last.path("job_id").asText()).isEqualTo(job.reference());
  }

  @Test
  void unsignedUnfinishedAnswersAreStillPolled() {
    fake.leaveUnfinishedAnswersUnsigned();
    fake.completeAfterPolls(2);
    assertThat(decided(bed.verifier(LONG_WAIT).submit(approvedSelfie())))
        .isInstanceOf(Verdict.Approved.class);
    assertThat(fake.received("job_status")).hasSize(3);

    VendorJob running = smileId.submit(selfieForLater()).job();
    assertThat(smileId.poll(bed.customer, running)).isEqualTo(new Poll.StillPending());
  }

  @Test
  void aCompleteAnswerWhoseResultIsOnlyATextIsStillPending() {
    VendorJob job = smileId.submit(selfieForLater()).job();
    fake.finish(job.reference(), TextNode.valueOf("No zip uploaded yet"));
    assertThat(smileId.poll(bed.customer, job)).isEqualTo(new Poll.StillPending());
  }

  // Transient failures: retried with the same job id

  @Test
  void a5xxIsRetriedWithTheSameJobId() {
    fake.fail("upload", Fault.SERVER_ERROR, Fault.SERVER_ERROR);
    SelfieCheck check = approvedSelfie();
    assertThat(decided(smileId.submit(check))).isInstanceOf(Verdict.Approved.class);
    assertThat(fake.received("upload"))
        .hasSize(3)
        .allSatisfy(
            r ->
                assertThat(r.body().path("partner_params").path("job_id").asText())
                    .isEqualTo(check.jobId()));
    assertThat(fake.received("zip")).hasSize(1);
  }

  @Test
  void a429AMalformedAndATruncatedAnswerAreRetried() {
    fake.fail("upload", Fault.TOO_MANY_REQUESTS);
    fake.fail("job_status", Fault.MALFORMED, Fault.TRUNCATED);
    assertThat(decided(smileId.submit(approvedSelfie()))).isInstanceOf(Verdict.Approved.class);
    assertThat(fake.received("upload")).hasSize(2);
  }

  @Test
  void aSlowAnswerPastTheTimeoutIsRetriedThenTheOutageIs503() {
    fake.fail("zip", Fault.SLOW, Fault.SLOW, Fault.SLOW);
    SelfieCheck check = approvedSelfie();
    long started = System.nanoTime();
    assertThatThrownBy(() -> smileId.submit(check))
        .isInstanceOfSatisfying(
            DependencyUnavailableException.class,
            e -> assertThat(e.code()).isEqualTo("kyc_provider_unavailable"));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    assertThat(fake.received("zip")).hasSize(3);
    assertThat(fake.received("job_status")).isEmpty();
  }

  @Test
  void anOutageAfterTheJobExistsLeavesItToThePollsNever503() {
    fake.fail("job_status", Fault.SERVER_ERROR, Fault.SERVER_ERROR, Fault.SERVER_ERROR);
    SelfieCheck check = approvedSelfie();
    assertThat(bed.verifier(Duration.ofMillis(1)).submit(check))
        .isEqualTo(new Submission.Submitted(VendorJob.of(check.jobId())));
    assertThat(fake.received("zip")).hasSize(1);
  }

  @Test
  void aPollDuringAnOutageIs503ForTheSchedulerToRetry() {
    VendorJob job = smileId.submit(selfieForLater()).job();
    fake.fail("job_status", Fault.SERVER_ERROR, Fault.SERVER_ERROR, Fault.SERVER_ERROR);
    assertThatThrownBy(() -> smileId.poll(bed.customer, job))
        .isInstanceOfSatisfying(
            DependencyUnavailableException.class,
            e -> assertThat(e.code()).isEqualTo("kyc_provider_unavailable"));
  }

  // Refusals and doubts: never retried, never a verdict

  @Test
  void aRefusalIsNotRetriedAndIs503() {
    fake.fail("upload", Fault.BAD_REQUEST);
    assertThatThrownBy(() -> smileId.submit(approvedSelfie()))
        .isInstanceOf(DependencyUnavailableException.class);
    assertThat(fake.received("upload")).hasSize(1);
    assertThat(fake.received("zip")).isEmpty();
  }

  @Test
  void aFinishedAnswerWhoseSignatureDoesNotVerifyIsNeverBelieved() {
    fake.forgeSignatures();
    SelfieCheck check = approvedSelfie();
    Submission submission = smileId.submit(check);
    assertThat(submission).isEqualTo(new Submission.Submitted(VendorJob.of(check.jobId())));
    assertThatThrownBy(() -> smileId.poll(bed.customer, submission.job()))
        .isInstanceOf(DependencyUnavailableException.class);
  }

  // The circuit breaker

  @Test
  void afterRepeatedOutagesTheCircuitOpensAndAnswers503WithoutCallingSmileId() {
    for (int i = 0; i < 4; i++) {
      fake.fail("upload", Fault.SERVER_ERROR, Fault.SERVER_ERROR, Fault.SERVER_ERROR);
      assertThatThrownBy(() -> smileId.submit(approvedSelfie()))
          .isInstanceOf(DependencyUnavailableException.class);
    }
    assertThat(smileId.circuitClosed()).isFalse();
    int callsBefore = fake.received("upload").size();
    long started = System.nanoTime();
    assertThatThrownBy(() -> smileId.submit(approvedSelfie()))
        .isInstanceOf(DependencyUnavailableException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(200));
    assertThat(fake.received("upload")).hasSize(callsBefore);
    assertThatThrownBy(() -> smileId.poll(bed.customer, VendorJob.of("job_test1")))
        .isInstanceOf(DependencyUnavailableException.class);
    assertThat(fake.received("job_status")).isEmpty();
  }
}
