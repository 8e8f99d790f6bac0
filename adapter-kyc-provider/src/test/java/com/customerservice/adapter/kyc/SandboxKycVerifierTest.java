package com.customerservice.adapter.kyc;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.file.Image;
import com.customerservice.domain.fixtures.TestImages;
import com.customerservice.domain.kyc.DocumentExtraction;
import com.customerservice.domain.kyc.DocumentSubmission;
import com.customerservice.domain.kyc.DocumentType;
import com.customerservice.domain.kyc.SelfieResult;
import com.customerservice.domain.kyc.VendorJob;
import com.customerservice.domain.kyc.Verdict;
import com.customerservice.domain.port.KycVerifier;
import com.customerservice.domain.port.KycVerifier.Poll;
import com.customerservice.domain.port.KycVerifier.SelfieCheck;
import com.customerservice.domain.port.KycVerifier.Submission;
import com.customerservice.domain.port.KycVerifier.VendorMessage;
import com.customerservice.testkit.contract.KycVerifierContract;
import com.customerservice.testkit.fakes.MutableClock;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SandboxKycVerifierTest extends KycVerifierContract {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final DocumentType PASSPORT =
      new DocumentType("MZ_PASSPORT", "Passaporte", "MZ", false);
  private static final int ANY_OTHER_WIDTH = 300;

  private final MutableClock clock = MutableClock.at("2026-03-01T08:00:00Z");
  private final SandboxKycVerifier sandbox = new SandboxKycVerifier(clock);
  private final CustomerId customer = CustomerId.KIND.next(RANDOM);
  private final AtomicInteger jobs = new AtomicInteger();

  static Image imageOfWidth(int width) {
    return Image.decode("image", TestImages.jpeg(width, 100), Long.MAX_VALUE);
  }

  @Override
  protected KycVerifier verifier() {
    return sandbox;
  }

  @Override
  protected KycVerifier.DocumentCheck documentCheck(DocumentScenario scenario) {
    int width =
        scenario == DocumentScenario.EXPIRED
            ? SandboxKycVerifier.EXPIRED_DOCUMENT_WIDTH
            : ANY_OTHER_WIDTH;
    return new KycVerifier.DocumentCheck(
        customer,
        "ref_test",
        new DocumentSubmission(PASSPORT, imageOfWidth(width), Optional.empty()));
  }

  @Override
  protected SelfieCheck selfieCheck(DocumentScenario document, SelfieScenario scenario) {
    return selfieOfWidth(
        switch (scenario) {
          case APPROVED_AT_ONCE -> ANY_OTHER_WIDTH;
          case FACE_MISMATCH_AT_ONCE -> SandboxKycVerifier.FACE_MISMATCH_WIDTH;
          case NOT_LIVE_AT_ONCE -> SandboxKycVerifier.NOT_LIVE_WIDTH;
          case APPROVED_LATER -> SandboxKycVerifier.APPROVED_LATER_WIDTH;
          case FACE_MISMATCH_LATER -> SandboxKycVerifier.FACE_MISMATCH_LATER_WIDTH;
          case NEEDS_A_PERSON -> SandboxKycVerifier.REVIEW_LATER_WIDTH;
        });
  }

  @Override
  protected void letTheVendorDecide(VendorJob job) {
    clock.advance(SandboxKycVerifier.DECIDES_AFTER);
  }

  @Override
  protected Optional<VendorMessage> authenticCallbackAbout(VendorJob job) {
    return Optional.empty();
  }

  @Override
  protected VendorMessage forgedCallbackAbout(VendorJob job) {
    return new VendorMessage(
        job.reference().getBytes(StandardCharsets.UTF_8), Map.of("signature", "authentic"));
  }

  private SelfieCheck selfieOfWidth(int width) {
    return aSelfieCheck(
        customer,
        "job_" + jobs.incrementAndGet(),
        PASSPORT.code(),
        imageOfWidth(ANY_OTHER_WIDTH),
        Optional.empty(),
        imageOfWidth(width));
  }

  @Test
  void theSameDocumentAlwaysReadsTheSame() {
    var check = documentCheck(DocumentScenario.VALID);
    DocumentExtraction first = sandbox.readDocument(check).orElseThrow();
    DocumentExtraction second = sandbox.readDocument(check).orElseThrow();
    assertThat(second).isEqualTo(first);
    assertThat(first.idNumber().reveal()).matches("1101[0-9]{8}M");
    assertThat(first.expiresAt()).isAfter(first.issuedAt());
  }

  /** The magic widths as the contract decisions list them: the verdict at once, or once due. */
  @ParameterizedTest(name = "selfie {0} px: {1}, {2}")
  @CsvSource({
    "420, at once, refused face_mismatch",
    "421, at once, refused not_live",
    "422, at once, refused image_unprocessable",
    "300, at once, approved",
    "423, later, approved",
    "424, later, review vendor_review",
    "425, later, refused face_mismatch",
  })
  void eachMagicWidthHasItsVerdict(int width, String when, String verdict) {
    Submission submission = sandbox.submit(selfieOfWidth(width));
    Verdict decided;
    if (when.equals("at once")) {
      decided = ((Submission.Decided) submission).verdict();
    } else {
      assertThat(submission).isInstanceOf(Submission.Submitted.class);
      clock.advance(SandboxKycVerifier.DECIDES_AFTER);
      decided = ((Poll.Decided) sandbox.poll(customer, submission.job())).verdict();
    }
    assertThat(inWords(decided)).isEqualTo(verdict);
    assertThat(decided.reading()).as("documents are read at upload").isEmpty();
  }

  @Test
  void anUnprocessableSelfieIsAnsweredProcessingAsBefore() {
    Submission.Decided decided =
        (Submission.Decided)
            sandbox.submit(selfieOfWidth(SandboxKycVerifier.PROCESSING_ERROR_WIDTH));
    assertThat(decided.verdict().answer()).isEqualTo(new SelfieResult.ProcessingError());
    assertThat(decided.verdict().answer().code()).isEqualTo("processing");
  }

  @Test
  void aJobTakenForLaterIsDecidedOnTheFirstPollFiveSecondsAfterTheUpload() {
    VendorJob job = sandbox.submit(selfieOfWidth(SandboxKycVerifier.APPROVED_LATER_WIDTH)).job();
    clock.advance(SandboxKycVerifier.DECIDES_AFTER.minusMillis(1));
    assertThat(sandbox.poll(customer, job)).isEqualTo(new Poll.StillPending());
    clock.advance(Duration.ofMillis(1));
    assertThat(sandbox.poll(customer, job)).isInstanceOf(Poll.Decided.class);
  }

  @Test
  void aNeverDecidedJobStaysPending() {
    VendorJob job = sandbox.submit(selfieOfWidth(SandboxKycVerifier.NEVER_DECIDED_WIDTH)).job();
    clock.advance(Duration.ofDays(2));
    assertThat(sandbox.poll(customer, job)).isEqualTo(new Poll.StillPending());
  }

  @Test
  void aJobDecidedAtOnceReadsTheSameWhenPolled() {
    Submission.Decided decided =
        (Submission.Decided) sandbox.submit(selfieOfWidth(SandboxKycVerifier.NOT_LIVE_WIDTH));
    assertThat(sandbox.poll(customer, decided.job()))
        .isEqualTo(new Poll.Decided(decided.verdict()));
  }

  @Test
  void aReferenceTheSandboxDidNotIssueIsStillPendingNeverAVerdict() {
    for (String reference :
        new String[] {"smile-job-1", "sandbox-423-x-0123456789abcdef", "sandbox-423-1-short"}) {
      clock.advance(Duration.ofHours(1));
      assertThat(sandbox.poll(customer, VendorJob.of(reference)))
          .as(reference)
          .isEqualTo(new Poll.StillPending());
    }
  }
}
