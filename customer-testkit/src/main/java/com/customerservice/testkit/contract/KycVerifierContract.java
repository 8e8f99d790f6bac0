package com.customerservice.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.file.Bucket;
import com.customerservice.domain.file.FileId;
import com.customerservice.domain.file.Image;
import com.customerservice.domain.file.StoredFile;
import com.customerservice.domain.kyc.DocumentExtraction;
import com.customerservice.domain.kyc.KycDocument;
import com.customerservice.domain.kyc.KycReference;
import com.customerservice.domain.kyc.KycReview;
import com.customerservice.domain.kyc.Refusal;
import com.customerservice.domain.kyc.VendorFindings;
import com.customerservice.domain.kyc.VendorJob;
import com.customerservice.domain.kyc.Verdict;
import com.customerservice.domain.port.KycVerifier;
import com.customerservice.domain.port.KycVerifier.CallbackReading;
import com.customerservice.domain.port.KycVerifier.Poll;
import com.customerservice.domain.port.KycVerifier.SelfieCheck;
import com.customerservice.domain.port.KycVerifier.Submission;
import com.customerservice.domain.port.KycVerifier.VendorMessage;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link KycVerifier} must do, whatever vendor it speaks to. Each implementation makes
 * the input that leads to each scenario and says how its vendor comes to decide a job it took (time
 * passes, the vendor finishes); the assertions are the same for every vendor.
 *
 * <p>The port leaves vendors free where they differ, and so does this contract: a document may be
 * read at upload or only in an approval's reading; a verdict that needs a person may come at once
 * or later; a face that is not the document's, or not live, may be refused by the vendor itself or
 * left to a person with the vendor's findings (Onfido's {@code consider} is advice for a person,
 * Smile ID's failed compare is a refusal), but is never approved; a vendor may send no callbacks at
 * all (its {@link #authenticCallbackAbout} is empty and the callback scenario is skipped, not
 * passed).
 */
public abstract class KycVerifierContract {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The documents a test presents. */
  protected enum DocumentScenario {
    VALID,
    EXPIRED
  }

  /** What the vendor makes of a selfie, and when. */
  protected enum SelfieScenario {
    /** A live face that matches: approved during {@code submit}. */
    APPROVED_AT_ONCE,
    /**
     * A live face that is not the document's: decided during {@code submit}, {@linkplain
     * #againstTheCustomer against the customer}.
     */
    FACE_MISMATCH_AT_ONCE,
    /** Not a live person: decided during {@code submit}, against the customer. */
    NOT_LIVE_AT_ONCE,
    /**
     * The vendor takes the job and approves it once it {@linkplain #letTheVendorDecide decides}.
     */
    APPROVED_LATER,
    /** The vendor takes the job and finds, once it decides, that the face is not the document's. */
    FACE_MISMATCH_LATER,
    /** The vendor leaves the verdict to a person (its own review): at once or once it decides. */
    NEEDS_A_PERSON
  }

  protected abstract KycVerifier verifier();

  protected abstract KycVerifier.DocumentCheck documentCheck(DocumentScenario scenario);

  /**
   * A selfie, against a document of {@code document}, that the vendor answers as {@code scenario}.
   */
  protected abstract SelfieCheck selfieCheck(DocumentScenario document, SelfieScenario scenario);

  /**
   * Brings the vendor to decide {@code job}, which it took for a selfie of one of the later
   * scenarios: the time it needs passes, or it finishes the job as scripted.
   */
  protected abstract void letTheVendorDecide(VendorJob job);

  /**
   * The authentic callback the vendor sent about {@code job} once it decided it (after {@link
   * #letTheVendorDecide}), as it arrived; empty when this vendor sends no callbacks.
   */
  protected abstract Optional<VendorMessage> authenticCallbackAbout(VendorJob job);

  /** A message shaped like this vendor's callback about {@code job}, not signed by the vendor. */
  protected abstract VendorMessage forgedCallbackAbout(VendorJob job);

  /** The day documents are judged on. */
  protected LocalDate today() {
    return LocalDate.now(ZoneOffset.UTC);
  }

  // The document

  @Test
  void aValidDocumentIsReadWithItsHoldersIdentity() {
    DocumentExtraction identity = identityRead(DocumentScenario.VALID);
    assertThat(identity.givenNames()).isNotBlank();
    assertThat(identity.fullName()).isNotBlank();
    assertThat(identity.idNumber().reveal()).isNotBlank();
    assertThat(identity.isExpiredOn(today())).isFalse();
  }

  @Test
  void anExpiredDocumentReadsExpired() {
    assertThat(identityRead(DocumentScenario.EXPIRED).isExpiredOn(today())).isTrue();
  }

  // Verdicts during the call

  @Test
  void anApprovingSelfieIsDecidedAtOnce() {
    assertThat(decidedAtOnce(SelfieScenario.APPROVED_AT_ONCE)).isInstanceOf(Verdict.Approved.class);
  }

  @Test
  void aDifferentFaceIsDecidedAtOnceAgainstTheCustomer() {
    againstTheCustomer(decidedAtOnce(SelfieScenario.FACE_MISMATCH_AT_ONCE), Refusal.FACE_MISMATCH);
  }

  @Test
  void aSpoofIsDecidedAtOnceAgainstTheCustomerAsNotLive() {
    againstTheCustomer(decidedAtOnce(SelfieScenario.NOT_LIVE_AT_ONCE), Refusal.NOT_LIVE);
  }

  // Verdicts that come later

  @Test
  void aJobTakenForLaterIsPendingUntilTheVendorDecidesThenAPollReadsTheVerdict() {
    SelfieCheck check = selfieCheck(DocumentScenario.VALID, SelfieScenario.APPROVED_LATER);
    VendorJob job = submittedForLater(check);
    assertThat(verifier().poll(check.customerId(), job)).isInstanceOf(Poll.StillPending.class);

    letTheVendorDecide(job);
    assertThat(polledVerdict(check, job)).isInstanceOf(Verdict.Approved.class);
  }

  @Test
  void aDifferentFaceFoundLaterIsReadByAPoll() {
    SelfieCheck check = selfieCheck(DocumentScenario.VALID, SelfieScenario.FACE_MISMATCH_LATER);
    VendorJob job = submittedForLater(check);
    letTheVendorDecide(job);
    againstTheCustomer(polledVerdict(check, job), Refusal.FACE_MISMATCH);
  }

  @Test
  void eachJobHasAReferenceOfItsOwn() {
    VendorJob first =
        submittedForLater(selfieCheck(DocumentScenario.VALID, SelfieScenario.APPROVED_LATER));
    VendorJob second =
        submittedForLater(selfieCheck(DocumentScenario.VALID, SelfieScenario.APPROVED_LATER));
    assertThat(second.reference()).isNotEqualTo(first.reference());
  }

  @Test
  void aJobThatNeedsAPersonIsAReviewWithTheVendorsFindings() {
    Verdict verdict = verdictOf(selfieCheck(DocumentScenario.VALID, SelfieScenario.NEEDS_A_PERSON));
    assertThat(verdict).isInstanceOf(Verdict.NeedsReview.class);
    assertThat(((Verdict.NeedsReview) verdict).reason()).isEqualTo(KycReview.Reason.VENDOR_REVIEW);
    assertThat(verdict.findings().isEmpty()).as("a reviewer sees the vendor's words").isFalse();
  }

  // Callbacks

  @Test
  void aForgedCallbackIsNotAuthentic() {
    VendorJob job =
        submittedForLater(selfieCheck(DocumentScenario.VALID, SelfieScenario.APPROVED_LATER));
    assertThat(verifier().readCallback(forgedCallbackAbout(job)))
        .isInstanceOf(CallbackReading.NotAuthentic.class);
  }

  @Test
  void aMessageWithNothingInItIsNotAuthentic() {
    assertThat(verifier().readCallback(new VendorMessage(new byte[0], Map.of())))
        .isInstanceOf(CallbackReading.NotAuthentic.class);
  }

  @Test
  void anAuthenticCallbackNamesTheJobItIsAbout() {
    VendorJob job =
        submittedForLater(selfieCheck(DocumentScenario.VALID, SelfieScenario.APPROVED_LATER));
    letTheVendorDecide(job);
    Optional<VendorMessage> callback = authenticCallbackAbout(job);
    assumeTrue(callback.isPresent(), "this vendor sends no callbacks");
    assertThat(verifier().readCallback(callback.get()))
        .isEqualTo(new CallbackReading.AboutJob(job.reference()));
  }

  // Following a job

  /** The verdict on {@code check}, however it comes: during the call, or by a poll once decided. */
  protected final Verdict verdictOf(SelfieCheck check) {
    Submission submission = verifier().submit(check);
    if (submission instanceof Submission.Decided decided) {
      return keptApart(decided.verdict());
    }
    letTheVendorDecide(submission.job());
    return polledVerdict(check, submission.job());
  }

  private Verdict decidedAtOnce(SelfieScenario scenario) {
    Submission submission = verifier().submit(selfieCheck(DocumentScenario.VALID, scenario));
    assertThat(submission).as("decided during the call").isInstanceOf(Submission.Decided.class);
    return keptApart(((Submission.Decided) submission).verdict());
  }

  private VendorJob submittedForLater(SelfieCheck check) {
    Submission submission = verifier().submit(check);
    assertThat(submission).as("taken for later").isInstanceOf(Submission.Submitted.class);
    return submission.job();
  }

  private Verdict polledVerdict(SelfieCheck check, VendorJob job) {
    Poll poll = verifier().poll(check.customerId(), job);
    assertThat(poll).as("decided once the vendor decided").isInstanceOf(Poll.Decided.class);
    return keptApart(((Poll.Decided) poll).verdict());
  }

  /**
   * A verdict in words, for tables of them: {@code approved}, {@code refused <refusal>}, {@code
   * review <reason>}.
   */
  public static String inWords(Verdict verdict) {
    if (verdict instanceof Verdict.Refused refused) {
      return "refused " + refused.refusal().code();
    }
    if (verdict instanceof Verdict.NeedsReview review) {
      return "review " + review.reason().code();
    }
    return "approved";
  }

  /**
   * A verdict against the customer on {@code ground}: the vendor refuses on that ground, or leaves
   * the verdict to a person with its findings (a vendor whose word on it is advice, not a
   * decision). Never an approval, never a refusal on another ground.
   */
  private static void againstTheCustomer(Verdict verdict, Refusal ground) {
    if (verdict instanceof Verdict.NeedsReview review) {
      assertThat(review.reason()).isEqualTo(KycReview.Reason.VENDOR_REVIEW);
      assertThat(review.findings().isEmpty()).as("a reviewer sees the vendor's words").isFalse();
      return;
    }
    assertThat(refusal(verdict)).isEqualTo(ground);
  }

  private static Refusal refusal(Verdict verdict) {
    assertThat(verdict).isInstanceOf(Verdict.Refused.class);
    return ((Verdict.Refused) verdict).refusal();
  }

  /** The identity as the vendor reads it: at upload, or in an approving selfie's job. */
  private DocumentExtraction identityRead(DocumentScenario scenario) {
    return verifier()
        .readDocument(documentCheck(scenario))
        .orElseGet(
            () -> {
              Verdict verdict = verdictOf(selfieCheck(scenario, SelfieScenario.APPROVED_AT_ONCE));
              assertThat(verdict).isInstanceOf(Verdict.Approved.class);
              return verdict
                  .reading()
                  .orElseThrow(() -> new AssertionError("read neither at upload nor in the job"));
            });
  }

  /**
   * {@code verdict}, once checked that its findings do not repeat what was read off the document:
   * the findings are kept in the clear, the reading is personal data.
   */
  private static Verdict keptApart(Verdict verdict) {
    verdict
        .reading()
        .ifPresent(
            read -> {
              List<String> personal =
                  Stream.of(
                          read.idNumber().reveal(),
                          read.fullName(),
                          Objects.toString(read.dateOfBirth(), ""))
                      .filter(value -> value.length() > 2)
                      .toList();
              assertThat(texts(verdict.findings()))
                  .as("the vendor's findings")
                  .noneMatch(text -> personal.stream().anyMatch(text::contains));
            });
    return verdict;
  }

  private static List<String> texts(VendorFindings findings) {
    List<String> texts = new ArrayList<>();
    findings
        .values()
        .forEach(
            (key, value) -> {
              texts.add(key);
              if (value instanceof VendorFindings group) {
                texts.addAll(texts(group));
              } else {
                texts.add(String.valueOf(value));
              }
            });
    return texts;
  }

  // Inputs

  /**
   * A selfie check of {@code customer} under {@code jobId}, against an accepted document of type
   * {@code documentType} with these pages (nothing read at upload) and {@code selfie}.
   */
  public static SelfieCheck aSelfieCheck(
      CustomerId customer,
      String jobId,
      String documentType,
      Image front,
      Optional<Image> back,
      Image selfie) {
    Instant now = Instant.now();
    KycDocument document =
        new KycDocument(
            KycReference.KIND.next(RANDOM),
            customer,
            documentType,
            Optional.empty(),
            FileId.KIND.next(RANDOM),
            back.map(page -> FileId.KIND.next(RANDOM)),
            "doc_" + jobId,
            now);
    return new SelfieCheck(
        customer,
        jobId,
        document,
        StoredFile.of(document.front(), Bucket.DOCUMENTS, customer, front, now),
        back.map(
            page ->
                StoredFile.of(
                    document.back().orElseThrow(), Bucket.DOCUMENTS, customer, page, now)),
        selfie,
        KycVerifier.Applicant.unknown(),
        Optional.empty());
  }
}
