package com.customerservice.domain.kyc;

import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.file.FileId;
import com.customerservice.domain.shared.Coded;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One selfie sent to a KYC vendor, matched against one document: pending until the vendor decides
 * (decided), says a person must (in review), or lets the deadline pass (expired); a person then
 * decides the last two. The vendor and its job are kept so that whoever brings the news (the
 * request, a poll, a callback, a person) finds the check; the version makes each verdict apply
 * once.
 */
public final class KycCheck {
  /** The first poll of a pending check, and the longest pause between two. */
  public static final Duration FIRST_POLL = Duration.ofSeconds(10);

  public static final Duration LONGEST_POLL_INTERVAL = Duration.ofMinutes(10);

  /** How long a pending check waits for its vendor unless the operator says otherwise. */
  public static final Duration DEFAULT_VERDICT_DEADLINE = Duration.ofHours(24);

  /** Where a check stands. */
  public enum Status implements Coded {
    PENDING,
    DECIDED,
    IN_REVIEW,
    EXPIRED;

    @Override
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Status fromCode(String code) {
      return Coded.parse(values(), code, "status");
    }
  }

  /** What a decided check concluded. */
  public enum Result implements Coded {
    VERIFIED,
    MATCH,
    LIVE,
    DOCUMENT;

    @Override
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Result fromCode(String code) {
      return Coded.parse(values(), code, "result");
    }
  }

  private final KycCheckId id;
  private final CustomerId customerId;
  private final KycReference document;
  private final String vendor;
  private final VendorJob job;
  private final FileId selfie;
  private final Status status;
  private final Result result;
  private final VendorFindings findings;
  private final Instant submittedAt;
  private final Instant decidedAt;
  private final Instant deadline;
  private final long version;

  private KycCheck(Fields f) {
    this.id = Objects.requireNonNull(f.id, "id");
    this.customerId = Objects.requireNonNull(f.customerId, "customerId");
    this.document = Objects.requireNonNull(f.document, "document");
    this.vendor = Objects.requireNonNull(f.vendor, "vendor");
    this.job = Objects.requireNonNull(f.job, "job");
    this.selfie = Objects.requireNonNull(f.selfie, "selfie");
    this.status = Objects.requireNonNull(f.status, "status");
    this.findings = Objects.requireNonNull(f.findings, "findings");
    this.submittedAt = Objects.requireNonNull(f.submittedAt, "submittedAt");
    this.deadline = Objects.requireNonNull(f.deadline, "deadline");
    if (!deadline.isAfter(submittedAt)) {
      throw new IllegalArgumentException("a check's deadline comes after its submission");
    }
    if ((status == Status.DECIDED) != (f.decidedAt != null)) {
      throw new IllegalArgumentException("exactly a decided check has a decision time");
    }
    if (status != Status.DECIDED && f.result != null) {
      throw new IllegalArgumentException("only a decided check has a result");
    }
    this.result = f.result;
    this.decidedAt = f.decidedAt;
    this.version = f.version;
  }

  /**
   * A check the vendor took as {@code job} at {@code now}, awaiting its verdict until {@code
   * verdictDeadline} has passed.
   */
  public static KycCheck submitted(
      KycCheckId id,
      CustomerId customer,
      KycReference document,
      String vendor,
      VendorJob job,
      FileId selfie,
      Instant now,
      Duration verdictDeadline) {
    Fields f = new Fields(id, customer, document, vendor, job, selfie, now);
    f.deadline = now.plus(verdictDeadline);
    return new KycCheck(f);
  }

  /** A check as a store kept it; the fields not named are those of a new pending check. */
  public static Fields restore(
      KycCheckId id,
      CustomerId customer,
      KycReference document,
      String vendor,
      VendorJob job,
      FileId selfie,
      Instant submittedAt) {
    return new Fields(id, customer, document, vendor, job, selfie, submittedAt);
  }

  /** The vendor's {@code verdict}: decided, or in review for a person. */
  public KycCheck decide(Verdict verdict, Instant now) {
    requireStatus(Status.PENDING);
    Fields next = new Fields(this);
    next.status = verdict.checkStatus();
    next.result = verdict.checkResult().orElse(null);
    next.decidedAt = next.status == Status.DECIDED ? now : null;
    next.findings = verdict.findings();
    return new KycCheck(next);
  }

  /** The deadline passed without a verdict: a person decides instead. */
  public KycCheck expire(Instant now) {
    requireStatus(Status.PENDING);
    if (now.isBefore(deadline)) {
      throw new IllegalStateException("check " + id + " expires only at " + deadline);
    }
    Fields next = new Fields(this);
    next.status = Status.EXPIRED;
    return new KycCheck(next);
  }

  /** A person decided the check that the vendor left to them; {@code result} as they decided. */
  public KycCheck decideByPerson(Optional<Result> decided, Instant now) {
    if (!awaitsPerson()) {
      throw new IllegalStateException("check " + id + " is " + status.code());
    }
    Fields next = new Fields(this);
    next.status = Status.DECIDED;
    next.result = decided.orElse(null);
    next.decidedAt = now;
    return new KycCheck(next);
  }

  /**
   * When to ask the vendor again after asking at {@code now}: the pause doubles from {@link
   * #FIRST_POLL} (it is as long as the check has waited) up to {@link #LONGEST_POLL_INTERVAL}, and
   * the polls stop at the deadline, which decides instead.
   */
  public Optional<Instant> nextPollAfter(Instant now) {
    if (status != Status.PENDING) {
      return Optional.empty();
    }
    Duration waited = Duration.between(submittedAt, now);
    Duration pause =
        waited.compareTo(FIRST_POLL) < 0
            ? FIRST_POLL
            : waited.compareTo(LONGEST_POLL_INTERVAL) > 0 ? LONGEST_POLL_INTERVAL : waited;
    Instant next = now.plus(pause);
    return next.isBefore(deadline) ? Optional.of(next) : Optional.empty();
  }

  /** When a new pending check is first polled. */
  public Instant firstPoll() {
    return submittedAt.plus(FIRST_POLL);
  }

  public boolean isPending() {
    return status == Status.PENDING;
  }

  /** Whether the vendor left this check to a person (its review is where they decide). */
  public boolean awaitsPerson() {
    return status == Status.IN_REVIEW || status == Status.EXPIRED;
  }

  private void requireStatus(Status expected) {
    if (status != expected) {
      throw new IllegalStateException("check " + id + " is " + status.code());
    }
  }

  /** This check as stored at {@code newVersion}; for repositories. */
  public KycCheck atVersion(long newVersion) {
    Fields stored = new Fields(this);
    stored.version = newVersion;
    return new KycCheck(stored);
  }

  public KycCheckId id() {
    return id;
  }

  public CustomerId customerId() {
    return customerId;
  }

  /** The accepted document the selfie was matched against. */
  public KycReference document() {
    return document;
  }

  /** The vendor that took the job, by its name ({@code smile_id}); it alone can decide it. */
  public String vendor() {
    return vendor;
  }

  public VendorJob job() {
    return job;
  }

  public FileId selfie() {
    return selfie;
  }

  public Status status() {
    return status;
  }

  public Optional<Result> result() {
    return Optional.ofNullable(result);
  }

  /** The vendor's last words about the job: what it decided, or why a person must. */
  public VendorFindings findings() {
    return findings;
  }

  public Instant submittedAt() {
    return submittedAt;
  }

  public Optional<Instant> decidedAt() {
    return Optional.ofNullable(decidedAt);
  }

  /** When a pending check stops waiting for the vendor. */
  public Instant deadline() {
    return deadline;
  }

  public long version() {
    return version;
  }

  @Override
  public String toString() {
    return "KycCheck[" + id + ", " + vendor + ", " + status.code() + ", v" + version + "]";
  }

  /** The fields of a check, named one at a time: how a repository restores one. */
  public static final class Fields {
    private final KycCheckId id;
    private final CustomerId customerId;
    private final KycReference document;
    private final String vendor;
    private final VendorJob job;
    private final FileId selfie;
    private final Instant submittedAt;
    private Status status = Status.PENDING;
    private Result result;
    private VendorFindings findings = VendorFindings.none();
    private Instant decidedAt;
    private Instant deadline;
    private long version;

    private Fields(
        KycCheckId id,
        CustomerId customerId,
        KycReference document,
        String vendor,
        VendorJob job,
        FileId selfie,
        Instant submittedAt) {
      this.id = id;
      this.customerId = customerId;
      this.document = document;
      this.vendor = vendor;
      this.job = job;
      this.selfie = selfie;
      this.submittedAt = submittedAt;
    }

    private Fields(KycCheck c) {
      this(c.id, c.customerId, c.document, c.vendor, c.job, c.selfie, c.submittedAt);
      this.status = c.status;
      this.result = c.result;
      this.findings = c.findings;
      this.decidedAt = c.decidedAt;
      this.deadline = c.deadline;
      this.version = c.version;
    }

    public Fields status(Status value) {
      this.status = value;
      return this;
    }

    public Fields result(Result value) {
      this.result = value;
      return this;
    }

    public Fields findings(VendorFindings value) {
      this.findings = value;
      return this;
    }

    public Fields decidedAt(Instant value) {
      this.decidedAt = value;
      return this;
    }

    public Fields deadline(Instant value) {
      this.deadline = value;
      return this;
    }

    public Fields version(long value) {
      this.version = value;
      return this;
    }

    public KycCheck build() {
      return new KycCheck(this);
    }
  }
}
