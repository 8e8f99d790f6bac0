package com.customerservice.domain.verification;

import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.customer.PhoneNumber;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Proof-of-possession of a phone by a one-time code. Owns every code rule: the code is kept only as
 * a keyed hash, it is valid for {@link #LIFETIME}, {@link #MAX_WRONG_CODES} wrong codes lock the
 * session for good (also after it created its customer), the session creates at most one customer,
 * and the right code replayed within the lifetime names that same customer again.
 */
public final class PhoneVerificationSession {
  public static final Duration LIFETIME = Duration.ofMinutes(5);
  public static final int MAX_WRONG_CODES = 5;

  /** The life of a session. */
  public enum State {
    PENDING,
    VERIFIED,
    LOCKED
  }

  private final SessionId id;
  private final PhoneNumber phone;
  private final byte[] codeHash;
  private final Instant createdAt;
  private final Instant expiresAt;
  private final int wrongCodes;
  private final State state;
  private final CustomerId customerId;
  private final long version;

  private PhoneVerificationSession(Fields s) {
    this.id = Objects.requireNonNull(s.id, "id");
    this.phone = Objects.requireNonNull(s.phone, "phone");
    this.codeHash =
        Arrays.copyOf(Objects.requireNonNull(s.codeHash, "codeHash"), s.codeHash.length);
    this.createdAt = Objects.requireNonNull(s.createdAt, "createdAt");
    this.expiresAt = Objects.requireNonNull(s.expiresAt, "expiresAt");
    this.state = Objects.requireNonNull(s.state, "state");
    if (s.wrongCodes < 0 || s.wrongCodes > MAX_WRONG_CODES) {
      throw new IllegalArgumentException("wrongCodes out of range: " + s.wrongCodes);
    }
    if (state == State.VERIFIED && s.customerId == null) {
      throw new IllegalArgumentException("a verified session names the customer it created");
    }
    if (state == State.PENDING && s.customerId != null) {
      throw new IllegalArgumentException("a pending session has created no customer");
    }
    this.wrongCodes = s.wrongCodes;
    this.customerId = s.customerId;
    this.version = s.version;
  }

  /** A new pending session for {@code phone} whose code is {@code code}. */
  public static PhoneVerificationSession start(
      SessionId id, PhoneNumber phone, OtpCode code, OtpHasher hasher, Instant now) {
    return restore(id, phone, hasher.hash(id, code), now).build();
  }

  /**
   * A session as a repository stored it, every other field named on the returned {@link Fields}:
   * unnamed fields are those of a session just started at {@code createdAt}.
   */
  public static Fields restore(
      SessionId id, PhoneNumber phone, byte[] codeHash, Instant createdAt) {
    return new Fields(id, phone, codeHash, createdAt);
  }

  /**
   * Checks a submitted code and says what it did; see {@link VerificationAttempt}. A used session
   * stays as guarded as a pending one: wrong codes count and lock it, and the right code names its
   * customer again only until the session expires.
   */
  public VerificationAttempt attempt(OtpCode submitted, OtpHasher hasher, Instant now) {
    if (state == State.LOCKED) {
      return new VerificationAttempt.Locked(this, false);
    }
    if (!now.isBefore(expiresAt)) {
      return new VerificationAttempt.Expired(this);
    }
    if (hasher.matches(id, submitted, codeHash)) {
      return state == State.VERIFIED
          ? new VerificationAttempt.Replayed(customerId)
          : new VerificationAttempt.Accepted(this);
    }
    int wrong = wrongCodes + 1;
    if (wrong >= MAX_WRONG_CODES) {
      return new VerificationAttempt.Locked(with(wrong, State.LOCKED, customerId), true);
    }
    return new VerificationAttempt.WrongCode(
        with(wrong, state, customerId), MAX_WRONG_CODES - wrong);
  }

  /** Marks the session used by the customer it created. */
  public PhoneVerificationSession completedFor(CustomerId customer) {
    if (state != State.PENDING) {
      throw new IllegalStateException("only a pending session can be completed");
    }
    return with(wrongCodes, State.VERIFIED, Objects.requireNonNull(customer, "customer"));
  }

  private PhoneVerificationSession with(int wrong, State newState, CustomerId customer) {
    return new Fields(this).wrongCodes(wrong).state(newState).customerId(customer).build();
  }

  /** This session as stored at {@code newVersion}; for repositories. */
  public PhoneVerificationSession atVersion(long newVersion) {
    return new Fields(this).version(newVersion).build();
  }

  public SessionId id() {
    return id;
  }

  public PhoneNumber phone() {
    return phone;
  }

  /** A copy of the keyed hash of the code. */
  public byte[] codeHash() {
    return Arrays.copyOf(codeHash, codeHash.length);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public int wrongCodes() {
    return wrongCodes;
  }

  public State state() {
    return state;
  }

  /** The customer this session created, also when it was locked afterwards. */
  public Optional<CustomerId> customerId() {
    return Optional.ofNullable(customerId);
  }

  public long version() {
    return version;
  }

  @Override
  public String toString() {
    return "PhoneVerificationSession[" + id + ", " + state + ", wrong=" + wrongCodes + "]";
  }

  /**
   * The fields of a session, named one at a time: how a repository restores one. {@link #build()}
   * checks the invariants.
   */
  public static final class Fields {
    private final SessionId id;
    private final PhoneNumber phone;
    private final byte[] codeHash;
    private final Instant createdAt;
    private Instant expiresAt;
    private int wrongCodes;
    private State state = State.PENDING;
    private CustomerId customerId;
    private long version;

    private Fields(SessionId id, PhoneNumber phone, byte[] codeHash, Instant createdAt) {
      this.id = id;
      this.phone = phone;
      this.codeHash = codeHash;
      this.createdAt = createdAt;
      this.expiresAt = createdAt == null ? null : createdAt.plus(LIFETIME);
    }

    private Fields(PhoneVerificationSession s) {
      this(s.id, s.phone, s.codeHash, s.createdAt);
      this.expiresAt = s.expiresAt;
      this.wrongCodes = s.wrongCodes;
      this.state = s.state;
      this.customerId = s.customerId;
      this.version = s.version;
    }

    public Fields expiresAt(Instant value) {
      this.expiresAt = value;
      return this;
    }

    public Fields wrongCodes(int value) {
      this.wrongCodes = value;
      return this;
    }

    public Fields state(State value) {
      this.state = value;
      return this;
    }

    public Fields customerId(CustomerId value) {
      this.customerId = value;
      return this;
    }

    public Fields version(long value) {
      this.version = value;
      return this;
    }

    public PhoneVerificationSession build() {
      return new PhoneVerificationSession(this);
    }
  }
}
