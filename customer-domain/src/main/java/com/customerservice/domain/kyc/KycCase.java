package com.customerservice.domain.kyc;

import com.customerservice.domain.customer.KycStatus;
import com.customerservice.domain.error.ConflictException;
import com.customerservice.domain.error.KycRefusedException;
import com.customerservice.domain.event.Actor;
import com.customerservice.domain.event.EventData;
import com.customerservice.domain.event.EventType;
import com.customerservice.domain.event.Happening;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer's identity verification: where it stands and how many attempts failed. Its changes are
 * {@link Transition}s (the next state, the identity a verification proved, what happened), which
 * the customer applies to itself; the rules of KYC live here, not in the customer.
 */
public record KycCase(KycStatus status, int failedAttempts) {
  /** Failed attempts (not live, face mismatch, an unreadable document) that reject the case. */
  public static final int MAX_FAILED_ATTEMPTS = 3;

  public KycCase {
    Objects.requireNonNull(status, "status");
    if (failedAttempts < 0) {
      throw new IllegalArgumentException("failedAttempts must not be negative");
    }
  }

  /** A case where nothing was submitted yet. */
  public static KycCase unverified() {
    return new KycCase(KycStatus.UNVERIFIED, 0);
  }

  /**
   * One change of the case: the state it was made {@code from} and goes {@code to}, the identity it
   * proved (copied onto the customer), and what happened, oldest first.
   */
  public record Transition(
      KycCase from, KycCase to, Optional<DocumentExtraction> identity, List<Happening> happenings) {
    public Transition {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(identity, "identity");
      happenings = List.copyOf(happenings);
    }
  }

  /**
   * Refuses KYC steps, before any vendor is paid, when the identity is already verified (which only
   * a reopened case may change) or the case was rejected.
   */
  public void requireOpen() {
    if (status == KycStatus.VERIFIED) {
      throw ConflictException.identityVerified(null);
    }
    if (status == KycStatus.REJECTED) {
      throw new KycRefusedException(
          "kyc_rejected",
          null,
          "Identity verification was rejected after too many failed attempts; contact support");
    }
  }

  /**
   * Whether a check of this case may be waiting for its vendor or a person. None can while the case
   * is unverified: a document moves the case to pending before any selfie is sent, a waiting check
   * keeps it there until its verdict, and a reopen (the only way back) refuses while one waits.
   */
  public boolean mayHaveCheckWaiting() {
    return status != KycStatus.UNVERIFIED;
  }

  /**
   * An identity document was accepted: the case waits for a selfie. The event names the type and
   * the reference of the upload, never its number or images.
   */
  public Transition submitDocument(String documentType, KycReference reference) {
    requireOpen();
    return to(
        new KycCase(KycStatus.PENDING, failedAttempts),
        Optional.empty(),
        Happening.of(
            EventType.KYC_DOCUMENT_SUBMITTED,
            EventData.empty().with("doc_type", documentType).with("reference", reference.value())));
  }

  /**
   * Verified, as {@code decidedBy} decided, with {@code identity} (what the document proved, when
   * it was read); {@code detail} says which check or review decided it.
   */
  public Transition verify(
      Optional<DocumentExtraction> identity, Actor decidedBy, EventData detail) {
    requireOpen();
    return to(
        new KycCase(KycStatus.VERIFIED, failedAttempts),
        identity,
        happening(EventType.KYC_VERIFIED, detail, decidedBy));
  }

  /**
   * Refused for {@code refusal}, as {@code decidedBy} decided: a counted failure (the third rejects
   * the case), a rejection, or nothing counted; the customer's systems hear of each.
   */
  public Transition refuse(Refusal refusal, Actor decidedBy, EventData detail) {
    requireOpen();
    int failures = refusal.effect() == Refusal.Effect.COUNTS ? failedAttempts + 1 : failedAttempts;
    boolean rejected =
        refusal.effect() == Refusal.Effect.REJECTS || failures >= MAX_FAILED_ATTEMPTS;
    EventData data = detail.with("reason", refusal.code()).with("failed_selfies", failures);
    List<Happening> happened = new ArrayList<>();
    if (refusal.effect() != Refusal.Effect.REJECTS) {
      EventData failed = refusal.result().map(r -> data.with("result", r.code())).orElse(data);
      happened.add(happening(EventType.KYC_SELFIE_FAILED, failed, decidedBy));
    }
    if (rejected) {
      happened.add(happening(EventType.KYC_REJECTED, data, decidedBy));
    }
    return new Transition(
        this,
        new KycCase(rejected ? KycStatus.REJECTED : status, failures),
        Optional.empty(),
        happened);
  }

  /**
   * Starts verification again (a person's decision): the case is unverified, its failed attempts
   * forgotten, and the verified identity unlocked.
   */
  public Transition reopen() {
    return to(
        unverified(), Optional.empty(), Happening.of(EventType.KYC_REOPENED, EventData.empty()));
  }

  private Transition to(KycCase next, Optional<DocumentExtraction> identity, Happening happened) {
    return new Transition(this, next, identity, List.of(happened));
  }

  private static Happening happening(EventType type, EventData data, Actor decidedBy) {
    return Happening.of(type, data).decidedBy(decidedBy);
  }
}
