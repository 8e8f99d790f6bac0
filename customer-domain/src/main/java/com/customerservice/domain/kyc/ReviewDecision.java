package com.customerservice.domain.kyc;

import com.customerservice.domain.error.InvalidValueException;
import com.customerservice.domain.event.Actor;
import com.customerservice.domain.event.EventData;
import com.customerservice.domain.shared.Coded;
import com.customerservice.domain.shared.Text;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A person's decision on a KYC case under review: approve, or reject with one of the {@linkplain
 * Refusal#reviewerReasons reviewer's reasons} (and a note, which {@code other} requires), by the
 * API key that decided, at the time they decided.
 */
public record ReviewDecision(
    Decision decision,
    Optional<Refusal> reason,
    Optional<String> note,
    String decidedBy,
    Instant decidedAt) {
  public static final String DECISION_FIELD = "decision";
  public static final String NOTE_FIELD = "note";
  public static final int MAX_NOTE = 1000;

  /** Approve or reject. */
  public enum Decision implements Coded {
    APPROVE,
    REJECT;

    @Override
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Decision parse(String code) {
      return Coded.parse(values(), code, DECISION_FIELD);
    }
  }

  public ReviewDecision {
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(decidedBy, "decidedBy");
    Objects.requireNonNull(decidedAt, "decidedAt");
    note =
        Objects.requireNonNull(note, "note")
            .map(n -> Text.requireMultiline(NOTE_FIELD, n, MAX_NOTE));
    if (!Actor.isValidName(decidedBy)) {
      throw new IllegalArgumentException("a decision is made by a named API key");
    }
    if (decision == Decision.APPROVE && reason.isPresent()) {
      throw InvalidValueException.invalid(
          Refusal.FIELD, Refusal.FIELD + " is given only with a rejection");
    }
    if (decision == Decision.REJECT && reason.isEmpty()) {
      throw InvalidValueException.missing(Refusal.FIELD);
    }
    if (reason.filter(r -> !Refusal.reviewerReasons().contains(r)).isPresent()) {
      throw InvalidValueException.invalid(
          Refusal.FIELD, Refusal.FIELD + " is not a reason a reviewer may give");
    }
    if (reason.filter(r -> r == Refusal.OTHER).isPresent() && note.isEmpty()) {
      throw new InvalidValueException(
          "parameter_missing", NOTE_FIELD, "a note is required when reason_code is 'other'");
    }
  }

  /** The verdict this decision gives the case. */
  public Verdict verdict(Optional<DocumentExtraction> reading, VendorFindings findings) {
    return reason
        .<Verdict>map(r -> new Verdict.Refused(r, reading, findings))
        .orElseGet(() -> new Verdict.Approved(reading, findings));
  }

  /** What the audit trail says of the decision beside the change it made. */
  public EventData describe(KycReviewId review) {
    EventData data =
        EventData.empty().with("review_id", review.value()).with("decision", decision.code());
    if (reason.isPresent()) {
      data = data.with("reason_code", reason.get().code());
    }
    return note.isPresent() ? data.with("note", note.get()) : data;
  }
}
