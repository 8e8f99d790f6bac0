package com.customerservice.adapter.kyc.smileid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.customerservice.adapter.kyc.FileDocumentCatalogue;
import com.customerservice.adapter.kyc.KycVerifierContract;
import com.customerservice.adapter.kyc.smileid.FakeSmileId.Fault;
import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.error.DependencyUnavailableException;
import com.customerservice.domain.error.InvalidValueException;
import com.customerservice.domain.error.KycRefusedException;
import com.customerservice.domain.file.Bucket;
import com.customerservice.domain.file.FileId;
import com.customerservice.domain.file.Image;
import com.customerservice.domain.file.StoredFile;
import com.customerservice.domain.fixtures.TestImages;
import com.customerservice.domain.kyc.DocumentSubmission;
import com.customerservice.domain.kyc.DocumentType;
import com.customerservice.domain.kyc.KycDocument;
import com.customerservice.domain.kyc.KycReference;
import com.customerservice.domain.kyc.SelfieResult;
import com.customerservice.domain.port.KycVerifier;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Smile ID client against a local fake of Smile ID's v1 API: the shared {@link KycVerifier}
 * contract, what the client sends (signature, job id and type, images), and every failure the
 * vendor can serve.
 */
class SmileIdKycVerifierTest extends KycVerifierContract {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration REQUEST_TIMEOUT = Duration.ofMillis(300);
  private static final FileDocumentCatalogue CATALOGUE = FileDocumentCatalogue.bundled();

  private final FakeSmileId fake = new FakeSmileId(REQUEST_TIMEOUT.toMillis() * 3);
  private final SmileIdKycVerifier smileId =
      new SmileIdKycVerifier(settings(Duration.ofSeconds(2)), CATALOGUE, Clock.systemUTC());
  private final CustomerId customer = CustomerId.KIND.next(RANDOM);
  private final AtomicInteger jobs = new AtomicInteger();
  private final byte[] front = TestImages.jpeg(120, 80);
  private final byte[] back = TestImages.png(120, 80);
  private final byte[] selfieImage = TestImages.jpeg(60, 80);

  private SmileIdSettings settings(Duration jobDeadline) {
    return new SmileIdSettings(
        fake.baseUrl(),
        FakeSmileId.PARTNER_ID,
        FakeSmileId.API_KEY,
        "",
        Duration.ofMillis(500),
        REQUEST_TIMEOUT,
        3,
        Duration.ofMillis(10),
        Duration.ofMillis(20),
        jobDeadline,
        Duration.ofMinutes(5));
  }

  @AfterEach
  void stopFake() {
    fake.close();
  }

  @Override
  protected KycVerifier verifier() {
    return smileId;
  }

  @Override
  protected KycVerifier.DocumentCheck documentCheck(DocumentScenario scenario) {
    DocumentType passport = CATALOGUE.find("MZ_PASSPORT").orElseThrow();
    return new KycVerifier.DocumentCheck(
        customer,
        KycReference.KIND.next(RANDOM).value(),
        new DocumentSubmission(passport, image(front), Optional.empty()));
  }

  @Override
  protected KycVerifier.SelfieCheck selfieCheck(DocumentScenario scenario, SelfieResult expected) {
    KycVerifier.SelfieCheck check = selfieCheck();
    fake.answer(check.jobId(), vendorResult(scenario, expected));
    return check;
  }

  /** A selfie against a two-sided national identity card, under a fresh job id. */
  private KycVerifier.SelfieCheck selfieCheck() {
    Instant now = Instant.now();
    KycDocument document =
        new KycDocument(
            KycReference.KIND.next(RANDOM),
            customer,
            "MZ_BI",
            Optional.empty(),
            FileId.KIND.next(RANDOM),
            Optional.of(FileId.KIND.next(RANDOM)),
            "ref",
            now);
    return new KycVerifier.SelfieCheck(
        customer,
        "job_test" + jobs.incrementAndGet(),
        document,
        StoredFile.of(document.front(), Bucket.DOCUMENTS, customer, image(front), now),
        Optional.of(
            StoredFile.of(
                document.back().orElseThrow(), Bucket.DOCUMENTS, customer, image(back), now)),
        image(selfieImage));
  }

  /** What Smile ID's job_status returns for each outcome, in the shape of its SDKs' fixtures. */
  private static ObjectNode vendorResult(DocumentScenario scenario, SelfieResult expected) {
    ObjectNode result = JSON.createObjectNode();
    ObjectNode actions = result.putObject("Actions");
    actions.put("Liveness_Check", "Passed");
    actions.put("Register_Selfie", "Approved");
    actions.put("Verify_Document", "Passed");
    actions.put("Selfie_To_ID_Card_Compare", "Completed");
    actions.put("Return_Personal_Info", "Returned");
    result.put("ResultCode", "0810");
    result.put("ResultText", "Document Verified");
    result.put("SmileJobID", "0000000123");
    result.put("FullName", "Ana Maria Cossa");
    result.put("DOB", "1991-04-12");
    result.put("IDNumber", "110100123456A");
    result.put("IDType", "IDENTITY_CARD");
    result.put("Country", "MZ");
    result.put(
        "ExpirationDate", scenario == DocumentScenario.EXPIRED ? "2020-01-01" : "2031-05-01");
    if (expected instanceof SelfieResult.FaceMismatch) {
      result.put("ResultCode", "0811");
      actions.put("Selfie_To_ID_Card_Compare", "Failed");
    } else if (expected instanceof SelfieResult.NotLive) {
      result.put("ResultCode", "0811");
      actions.put("Liveness_Check", "Failed");
    } else if (expected instanceof SelfieResult.ProcessingError) {
      result.put("ResultCode", "0899");
      result.put("ResultText", "A code this client has never seen");
    }
    return result;
  }

  private static Image image(byte[] content) {
    return Image.decode("image", content, Long.MAX_VALUE);
  }

  private KycVerifier.SelfieCheck matchingSelfie() {
    return selfieCheck(DocumentScenario.VALID, new SelfieResult.Match());
  }

  // Smile ID as it really answers (the audit of its published libraries)

  @Test
  void aPartnerIdWithLeadingZerosIsSignedAsIssued() {
    try (FakeSmileId zeros = new FakeSmileId(REQUEST_TIMEOUT.toMillis() * 3, "085")) {
      SmileIdSettings settings =
          new SmileIdSettings(
              zeros.baseUrl(),
              "085",
              FakeSmileId.API_KEY,
              "",
              Duration.ofMillis(500),
              REQUEST_TIMEOUT,
              3,
              Duration.ofMillis(10),
              Duration.ofMillis(20),
              Duration.ofSeconds(2),
              Duration.ofMinutes(5));
      KycVerifier.SelfieCheck check = matchingSelfie();
      zeros.answer(check.jobId(), vendorResult(DocumentScenario.VALID, new SelfieResult.Match()));
      SelfieResult result =
          new SmileIdKycVerifier(settings, CATALOGUE, Clock.systemUTC()).checkSelfie(check);
      assertThat(result).isInstanceOf(SelfieResult.Match.class);
      assertThat(zeros.received("upload").get(0).body().path("smile_client_id").asText())
          .isEqualTo("085");
    }
  }

  @Test
  void everyCatalogueDocumentHasASmileIdTypeFromTheMappingData() {
    var types = new SmileIdDocumentTypes(CATALOGUE);
    CATALOGUE.supported().forEach(type -> assertThat(types.of(type.code()).idType()).isNotBlank());
    assertThat(types.of("MZ_BI").idType()).isEqualTo("IDENTITY_CARD");
    assertThat(types.of("MZ_DIRE").idType()).isEqualTo("RESIDENT_ID");
  }

  @Test
  void anUploadWhoseAnswerWasLostIsResentWithTheRetryFlag() {
    KycVerifier.SelfieCheck check = matchingSelfie();
    fake.fail("upload", FakeSmileId.Fault.LOST_ANSWER);
    assertThat(smileId.checkSelfie(check)).isInstanceOf(SelfieResult.Match.class);
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

  /** A selfie whose job finishes with {@code action} in {@code state}, the rest a match. */
  private SelfieResult selfieWith(String action, String state, String resultCode) {
    KycVerifier.SelfieCheck check = matchingSelfie();
    ObjectNode result = vendorResult(DocumentScenario.VALID, new SelfieResult.Match());
    result.put("ResultCode", resultCode);
    ((ObjectNode) result.path("Actions")).put(action, state);
    fake.answer(check.jobId(), result);
    return smileId.checkSelfie(check);
  }

  @Test
  void rejectedAndNotVerifiedAreFailures() {
    for (String negative : List.of("Rejected", "Not Verified")) {
      assertThat(selfieWith("Selfie_To_ID_Card_Compare", negative, "0811"))
          .as(negative)
          .isInstanceOf(SelfieResult.FaceMismatch.class);
      assertThat(selfieWith("Liveness_Check", negative, "0811"))
          .as(negative)
          .isInstanceOf(SelfieResult.NotLive.class);
    }
  }

  @Test
  void reviewStatesAreNotAVerdict() {
    for (String review :
        List.of(
            "Under Review",
            "Provisionally Approved",
            "Sent to Human Review",
            "Unable To Determine")) {
      assertThat(selfieWith("Selfie_To_ID_Card_Compare", review, "0812"))
          .as(review)
          .isInstanceOf(SelfieResult.ProcessingError.class);
    }
  }

  @Test
  void unsignedUnfinishedAnswersAreStillPolled() {
    fake.leaveUnfinishedAnswersUnsigned();
    fake.completeAfterPolls(2);
    KycVerifier.SelfieCheck check = matchingSelfie();
    assertThat(smileId.checkSelfie(check)).isInstanceOf(SelfieResult.Match.class);
    assertThat(fake.received("job_status")).hasSize(3);
  }

  // What the client sends

  @Test
  void theJobIsAnnouncedSignedUnderOurJobIdAsADocumentVerification() {
    KycVerifier.SelfieCheck check = matchingSelfie();
    smileId.checkSelfie(check);
    JsonNode announced = fake.received("upload").get(0).body();
    assertThat(announced.path("smile_client_id").asText()).isEqualTo(FakeSmileId.PARTNER_ID);
    assertThat(announced.path("partner_params").path("job_id").asText()).isEqualTo(check.jobId());
    assertThat(announced.path("partner_params").path("user_id").asText())
        .isEqualTo(customer.value());
    assertThat(announced.path("partner_params").path("job_type").asInt()).isEqualTo(6);
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
  void theZipCarriesTheSelfieBothPagesAndTheDocumentsCountryAndSmileIdType() {
    KycVerifier.SelfieCheck check = matchingSelfie();
    smileId.checkSelfie(check);
    JsonNode info = fake.info(check.jobId());
    assertThat(info.path("id_info").path("country").asText()).isEqualTo("MZ");
    // Smile ID's current valid_documents for MZ name the identity card IDENTITY_CARD.
    assertThat(info.path("id_info").path("id_type").asText()).isEqualTo("IDENTITY_CARD");
    assertThat(info.path("misc_information").path("partner_params").path("job_id").asText())
        .isEqualTo(check.jobId());
    JsonNode images = info.path("images");
    assertThat(images).hasSize(3);
    assertThat(image(images, 2)).isEqualTo(selfieImage);
    assertThat(image(images, 3)).isEqualTo(front);
    assertThat(image(images, 7)).isEqualTo(back);
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
  void aMatchCarriesWhatSmileIdReadFromTheDocument() {
    SelfieResult.Match match = (SelfieResult.Match) smileId.checkSelfie(matchingSelfie());
    var read = match.reading().orElseThrow();
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
            settings(Duration.ofSeconds(1)), () -> java.util.List.of(unknown), Clock.systemUTC());
    assertThatThrownBy(
            () ->
                withCustomCatalogue.readDocument(
                    new KycVerifier.DocumentCheck(
                        customer,
                        "ref",
                        new DocumentSubmission(unknown, image(front), Optional.empty()))))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> assertThat(e.code()).isEqualTo("document_type_unsupported"));
    assertThat(fake.received("upload")).isEmpty();
  }

  // Transient failures: retried with the same job id

  @Test
  void a5xxIsRetriedWithTheSameJobId() {
    fake.fail("upload", Fault.SERVER_ERROR, Fault.SERVER_ERROR);
    KycVerifier.SelfieCheck check = matchingSelfie();
    assertThat(smileId.checkSelfie(check)).isInstanceOf(SelfieResult.Match.class);
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
    assertThat(smileId.checkSelfie(matchingSelfie())).isInstanceOf(SelfieResult.Match.class);
    assertThat(fake.received("upload")).hasSize(2);
  }

  @Test
  void aSlowAnswerPastTheTimeoutIsRetriedThenTheOutageIs503() {
    fake.fail("zip", Fault.SLOW, Fault.SLOW, Fault.SLOW);
    KycVerifier.SelfieCheck check = matchingSelfie();
    long started = System.nanoTime();
    assertThatThrownBy(() -> smileId.checkSelfie(check))
        .isInstanceOfSatisfying(
            DependencyUnavailableException.class,
            e -> assertThat(e.code()).isEqualTo("kyc_provider_unavailable"));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    assertThat(fake.received("zip")).hasSize(3);
    assertThat(fake.received("job_status")).isEmpty();
  }

  // Refusals and doubts: never retried, never a verdict

  @Test
  void aRefusalIsNotRetriedAndIs503() {
    fake.fail("upload", Fault.BAD_REQUEST);
    assertThatThrownBy(() -> smileId.checkSelfie(matchingSelfie()))
        .isInstanceOf(DependencyUnavailableException.class);
    assertThat(fake.received("upload")).hasSize(1);
    assertThat(fake.received("zip")).isEmpty();
  }

  @Test
  void anAnswerWhoseSignatureDoesNotVerifyIsNeverBelieved() {
    fake.forgeSignatures();
    assertThatThrownBy(() -> smileId.checkSelfie(matchingSelfie()))
        .isInstanceOf(DependencyUnavailableException.class);
  }

  @Test
  void aJobStillRunningAtTheDeadlineIsProcessing() {
    SmileIdKycVerifier impatient =
        new SmileIdKycVerifier(settings(Duration.ofMillis(150)), CATALOGUE, Clock.systemUTC());
    fake.completeAfterPolls(1_000);
    assertThat(impatient.checkSelfie(matchingSelfie()))
        .isEqualTo(new SelfieResult.ProcessingError());
    assertThat(fake.received("job_status").size()).isGreaterThan(1);
  }

  @Test
  void aJobThatCompletesAfterSomePollsIsRead() {
    fake.completeAfterPolls(3);
    assertThat(smileId.checkSelfie(matchingSelfie())).isInstanceOf(SelfieResult.Match.class);
    assertThat(fake.received("job_status")).hasSize(4);
  }

  @Test
  void anApprovedCodeWithoutTheHoldersNameIsNotAVerdict() {
    KycVerifier.SelfieCheck check = selfieCheck();
    ObjectNode result = vendorResult(DocumentScenario.VALID, new SelfieResult.Match());
    result.remove("FullName");
    fake.answer(check.jobId(), result);
    assertThat(smileId.checkSelfie(check)).isEqualTo(new SelfieResult.ProcessingError());
  }

  @Test
  void aResultThatIsOnlyATextIsNotAVerdict() {
    KycVerifier.SelfieCheck check = selfieCheck();
    fake.answer(check.jobId(), JSON.getNodeFactory().textNode("No zip uploaded yet"));
    assertThat(smileId.checkSelfie(check)).isEqualTo(new SelfieResult.ProcessingError());
  }

  @Test
  void aDocumentSmileIdCouldNotVerifyIsRefused() {
    KycVerifier.SelfieCheck check = selfieCheck();
    ObjectNode result = vendorResult(DocumentScenario.VALID, new SelfieResult.Match());
    result.put("ResultCode", "0811");
    ((ObjectNode) result.path("Actions")).put("Verify_Document", "Failed");
    fake.answer(check.jobId(), result);
    assertThatThrownBy(() -> smileId.checkSelfie(check))
        .isInstanceOfSatisfying(
            KycRefusedException.class, e -> assertThat(e.code()).isEqualTo("document_unverified"));
  }

  // The circuit breaker

  @Test
  void afterRepeatedOutagesTheCircuitOpensAndAnswers503WithoutCallingSmileId() {
    for (int i = 0; i < 4; i++) {
      fake.fail("upload", Fault.SERVER_ERROR, Fault.SERVER_ERROR, Fault.SERVER_ERROR);
      assertThatThrownBy(() -> smileId.checkSelfie(matchingSelfie()))
          .isInstanceOf(DependencyUnavailableException.class);
    }
    assertThat(smileId.circuitClosed()).isFalse();
    int callsBefore = fake.received("upload").size();
    long started = System.nanoTime();
    assertThatThrownBy(() -> smileId.checkSelfie(matchingSelfie()))
        .isInstanceOf(DependencyUnavailableException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(200));
    assertThat(fake.received("upload")).hasSize(callsBefore);
  }
}
