package com.customerservice.domain.kyc;

import com.customerservice.domain.event.Actor;
import com.customerservice.domain.event.EventData;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What a vendor (or a person) concluded about a KYC check, in the domain's words: approved, refused
 * and why, or a person must decide. Each verdict may carry what the vendor read off the document in
 * the same job, and the vendor's own findings for the record. Each says what it makes of the check,
 * so a new kind of verdict does not compile until it says how it is kept.
 */
public sealed interface Verdict {

  /** What the vendor read off the document in this job, for vendors that read it only now. */
  Optional<DocumentExtraction> reading();

  /** The vendor's own words about the job. */
  VendorFindings findings();

  /** The check's status once this verdict is applied. */
  KycCheck.Status checkStatus();

  /** The check's result once this verdict is applied; empty for none of the results. */
  Optional<KycCheck.Result> checkResult();

  /**
   * What this verdict does to a customer's case, as {@code decidedBy} decided, {@code identity}
   * being what the document proved; empty when it changes nothing (a person decides first).
   */
  Optional<KycCase.Transition> transition(
      KycCase kyc, Optional<DocumentExtraction> identity, Actor decidedBy, EventData detail);

  /** What the selfie's sender is told when this verdict comes during their request. */
  SelfieResult answer();

  /**
   * This verdict held against the identity the case rests on ({@code identity}: read at upload or
   * in this job) on {@code day}: an approval with no identity read needs a person, and one whose
   * document has expired is refused.
   */
  default Verdict against(Optional<DocumentExtraction> identity, LocalDate day) {
    return this;
  }

  /** The face matches the document's, the document is valid: the customer is verified. */
  record Approved(Optional<DocumentExtraction> reading, VendorFindings findings)
      implements Verdict {
    public Approved {
      Objects.requireNonNull(reading, "reading");
      Objects.requireNonNull(findings, "findings");
    }

    @Override
    public KycCheck.Status checkStatus() {
      return KycCheck.Status.DECIDED;
    }

    @Override
    public Optional<KycCheck.Result> checkResult() {
      return Optional.of(KycCheck.Result.VERIFIED);
    }

    @Override
    public Optional<KycCase.Transition> transition(
        KycCase kyc, Optional<DocumentExtraction> identity, Actor decidedBy, EventData detail) {
      return Optional.of(kyc.verify(identity, decidedBy, detail));
    }

    @Override
    public SelfieResult answer() {
      return new SelfieResult.Match(reading);
    }

    @Override
    public Verdict against(Optional<DocumentExtraction> identity, LocalDate day) {
      if (identity.isEmpty()) {
        // Never verify a person whose identity no one read: a person decides instead.
        return new NeedsReview(
            KycReview.Reason.UNKNOWN_RESULT,
            reading,
            findings.with("note", "approved without the document's fields"));
      }
      if (identity.get().isExpiredOn(day)) {
        return new Refused(Refusal.DOCUMENT_EXPIRED, reading, findings);
      }
      return this;
    }
  }

  /** The check failed for {@code refusal}. */
  record Refused(Refusal refusal, Optional<DocumentExtraction> reading, VendorFindings findings)
      implements Verdict {
    public Refused {
      Objects.requireNonNull(refusal, "refusal");
      Objects.requireNonNull(reading, "reading");
      Objects.requireNonNull(findings, "findings");
    }

    /** A refusal with nothing read and nothing more to say (a sandbox's, a scripted one). */
    public Refused(Refusal refusal) {
      this(refusal, Optional.empty(), VendorFindings.none());
    }

    @Override
    public KycCheck.Status checkStatus() {
      return KycCheck.Status.DECIDED;
    }

    @Override
    public Optional<KycCheck.Result> checkResult() {
      return refusal.result();
    }

    @Override
    public Optional<KycCase.Transition> transition(
        KycCase kyc, Optional<DocumentExtraction> identity, Actor decidedBy, EventData detail) {
      return Optional.of(kyc.refuse(refusal, decidedBy, detail));
    }

    @Override
    public SelfieResult answer() {
      return switch (refusal) {
        case FACE_MISMATCH -> new SelfieResult.FaceMismatch();
        case NOT_LIVE -> new SelfieResult.NotLive();
        default -> new SelfieResult.ProcessingError();
      };
    }
  }

  /**
   * The vendor cannot decide alone (its own review, a provisional answer, a result this service
   * does not know): a person of ours decides, with the vendor's findings before them.
   */
  record NeedsReview(
      KycReview.Reason reason, Optional<DocumentExtraction> reading, VendorFindings findings)
      implements Verdict {
    public NeedsReview {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(reading, "reading");
      Objects.requireNonNull(findings, "findings");
      if (reason == KycReview.Reason.VENDOR_TIMEOUT) {
        throw new IllegalArgumentException("a vendor's timeout is the deadline's, not a verdict");
      }
    }

    @Override
    public KycCheck.Status checkStatus() {
      return KycCheck.Status.IN_REVIEW;
    }

    @Override
    public Optional<KycCheck.Result> checkResult() {
      return Optional.empty();
    }

    @Override
    public Optional<KycCase.Transition> transition(
        KycCase kyc, Optional<DocumentExtraction> identity, Actor decidedBy, EventData detail) {
      return Optional.empty();
    }

    @Override
    public SelfieResult answer() {
      return new SelfieResult.Pending();
    }
  }
}
