package com.customerservice.domain.kyc;

import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.error.ConflictException;
import com.customerservice.domain.event.Actor;
import com.customerservice.domain.event.EventData;
import com.customerservice.domain.event.EventType;
import com.customerservice.domain.event.Happening;
import com.customerservice.domain.shared.Coded;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A KYC case a person must decide: opened when a vendor cannot (its own review, an unknown result)
 * or does not decide in time; held for a while by the reviewer who claims it; decided once; or
 * superseded when the case is reopened. Keeps the vendor's findings as the evidence, and says what
 * happened when it opens, for the audit trail.
 */
public final class KycReview {
  /** How long a claim keeps other reviewers out. */
  public static final Duration CLAIM_HOLD = Duration.ofMinutes(30);

  /** Where a review stands. */
  public enum Status implements Coded {
    OPEN,
    DECIDED,
    SUPERSEDED;

    @Override
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Status fromCode(String code) {
      return Coded.parse(values(), code, "status");
    }
  }

  /** Why a person must decide. */
  public enum Reason implements Coded {
    /** The vendor's own review, or a provisional answer it leaves to people. */
    VENDOR_REVIEW,
    /** A result this service does not know: never guessed into a verdict. */
    UNKNOWN_RESULT,
    /** No verdict before the deadline. */
    VENDOR_TIMEOUT;

    @Override
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Reason fromCode(String code) {
      return Coded.parse(values(), code, "reason");
    }
  }

  /** Who holds the review, until when. */
  public record Claim(String holder, Instant until) {
    public Claim {
      Objects.requireNonNull(holder, "holder");
      Objects.requireNonNull(until, "until");
    }

    boolean heldAt(Instant now) {
      return now.isBefore(until);
    }
  }

  private final KycReviewId id;
  private final CustomerId customerId;
  private final KycCheckId checkId;
  private final String vendor;
  private final Reason reason;
  private final VendorFindings findings;
  private final Status status;
  private final Claim claim;
  private final ReviewDecision decision;
  private final Instant createdAt;
  private final Instant closedAt;
  private final long version;
  private final List<Happening> happenings;

  private KycReview(Fields f, List<Happening> happenings) {
    this.id = Objects.requireNonNull(f.id, "id");
    this.customerId = Objects.requireNonNull(f.customerId, "customerId");
    this.checkId = Objects.requireNonNull(f.checkId, "checkId");
    this.vendor = Objects.requireNonNull(f.vendor, "vendor");
    this.reason = Objects.requireNonNull(f.reason, "reason");
    this.findings = Objects.requireNonNull(f.findings, "findings");
    this.status = Objects.requireNonNull(f.status, "status");
    this.createdAt = Objects.requireNonNull(f.createdAt, "createdAt");
    if ((status == Status.DECIDED) != (f.decision != null)) {
      throw new IllegalArgumentException("exactly a decided review has a decision");
    }
    if ((status == Status.OPEN) == (f.closedAt != null)) {
      throw new IllegalArgumentException("exactly a closed review has a closing time");
    }
    this.claim = f.claim;
    this.decision = f.decision;
    this.closedAt = f.closedAt;
    this.version = f.version;
    this.happenings = List.copyOf(happenings);
  }

  /**
   * A review of {@code check} for {@code reason}, opened by {@code openedBy} (the vendor whose
   * answer needs a person, or the scheduler at the deadline) with the vendor's {@code findings}.
   */
  public static KycReview open(
      KycReviewId id,
      KycCheck check,
      Reason reason,
      VendorFindings findings,
      Actor openedBy,
      Instant now) {
    Fields f = new Fields(id, check.customerId(), check.id(), check.vendor(), reason, now);
    f.findings = findings;
    Happening opened =
        Happening.of(
                EventType.KYC_REVIEW_REQUIRED,
                EventData.empty()
                    .with("review_id", id.value())
                    .with("check_id", check.id().value())
                    .with("reason", reason.code()))
            .decidedBy(openedBy);
    return new KycReview(f, List.of(opened));
  }

  /** A review as a store kept it; the fields not named are those of a new open review. */
  public static Fields restore(
      KycReviewId id,
      CustomerId customer,
      KycCheckId check,
      String vendor,
      Reason reason,
      Instant createdAt) {
    return new Fields(id, customer, check, vendor, reason, createdAt);
  }

  /**
   * {@code holder} holds this review for {@link #CLAIM_HOLD}: a claim of their own is renewed,
   * another reviewer's live claim is a conflict.
   */
  public KycReview claim(String holder, Instant now) {
    requireOpen();
    requireNotHeldByAnother(holder, now);
    Fields next = new Fields(this);
    next.claim = new Claim(holder, now.plus(CLAIM_HOLD));
    return new KycReview(next, List.of());
  }

  /**
   * Decides this review as {@code decision} says; an unclaimed review is claimed by the decider in
   * the same step, one another reviewer holds is a conflict, a closed one cannot be decided again.
   */
  public KycReview decide(ReviewDecision decision) {
    requireOpen();
    requireNotHeldByAnother(decision.decidedBy(), decision.decidedAt());
    Fields next = new Fields(this);
    next.status = Status.DECIDED;
    next.decision = decision;
    next.closedAt = decision.decidedAt();
    next.claim =
        new Claim(
            decision.decidedBy(),
            claim != null && claim.holder().equals(decision.decidedBy())
                ? claim.until()
                : decision.decidedAt().plus(CLAIM_HOLD));
    return new KycReview(next, List.of());
  }

  /** The case was reopened: this review no longer decides anything. */
  public KycReview supersede(Instant now) {
    requireOpen();
    Fields next = new Fields(this);
    next.status = Status.SUPERSEDED;
    next.closedAt = now;
    return new KycReview(next, List.of());
  }

  /** Who holds the review at {@code now}, if anyone: a claim lapses after its hold. */
  public Optional<String> holderAt(Instant now) {
    return Optional.ofNullable(claim).filter(c -> c.heldAt(now)).map(Claim::holder);
  }

  public boolean isOpen() {
    return status == Status.OPEN;
  }

  private void requireOpen() {
    if (status != Status.OPEN) {
      throw ConflictException.reviewAlreadyDecided(status.code());
    }
  }

  private void requireNotHeldByAnother(String reviewer, Instant now) {
    Optional<String> holder = holderAt(now);
    if (holder.isPresent() && !holder.get().equals(reviewer)) {
      throw ConflictException.reviewClaimed(claim.until());
    }
  }

  /** This review as stored at {@code newVersion}, its happenings recorded; for repositories. */
  public KycReview atVersion(long newVersion) {
    Fields stored = new Fields(this);
    stored.version = newVersion;
    return new KycReview(stored, List.of());
  }

  /** What happened to this review since it was loaded: events to record. */
  public List<Happening> happenings() {
    return happenings;
  }

  public KycReviewId id() {
    return id;
  }

  public CustomerId customerId() {
    return customerId;
  }

  public KycCheckId checkId() {
    return checkId;
  }

  public String vendor() {
    return vendor;
  }

  public Reason reason() {
    return reason;
  }

  public VendorFindings findings() {
    return findings;
  }

  public Status status() {
    return status;
  }

  /** The last claim, lapsed or not; {@link #holderAt} says whether it still holds. */
  public Optional<Claim> claim() {
    return Optional.ofNullable(claim);
  }

  public Optional<ReviewDecision> decision() {
    return Optional.ofNullable(decision);
  }

  public Instant createdAt() {
    return createdAt;
  }

  /** When the review was decided or superseded. */
  public Optional<Instant> closedAt() {
    return Optional.ofNullable(closedAt);
  }

  public long version() {
    return version;
  }

  @Override
  public String toString() {
    return "KycReview[" + id + ", " + status.code() + ", v" + version + "]";
  }

  /** The fields of a review, named one at a time: how a repository restores one. */
  public static final class Fields {
    private final KycReviewId id;
    private final CustomerId customerId;
    private final KycCheckId checkId;
    private final String vendor;
    private final Reason reason;
    private final Instant createdAt;
    private VendorFindings findings = VendorFindings.none();
    private Status status = Status.OPEN;
    private Claim claim;
    private ReviewDecision decision;
    private Instant closedAt;
    private long version;

    private Fields(
        KycReviewId id,
        CustomerId customerId,
        KycCheckId checkId,
        String vendor,
        Reason reason,
        Instant createdAt) {
      this.id = id;
      this.customerId = customerId;
      this.checkId = checkId;
      this.vendor = vendor;
      this.reason = reason;
      this.createdAt = createdAt;
    }

    private Fields(KycReview r) {
      this(r.id, r.customerId, r.checkId, r.vendor, r.reason, r.createdAt);
      this.findings = r.findings;
      this.status = r.status;
      this.claim = r.claim;
      this.decision = r.decision;
      this.closedAt = r.closedAt;
      this.version = r.version;
    }

    public Fields findings(VendorFindings value) {
      this.findings = value;
      return this;
    }

    public Fields status(Status value) {
      this.status = value;
      return this;
    }

    public Fields claim(Claim value) {
      this.claim = value;
      return this;
    }

    public Fields decision(ReviewDecision value) {
      this.decision = value;
      return this;
    }

    public Fields closedAt(Instant value) {
      this.closedAt = value;
      return this;
    }

    public Fields version(long value) {
      this.version = value;
      return this;
    }

    public KycReview build() {
      return new KycReview(this, List.of());
    }
  }
}
