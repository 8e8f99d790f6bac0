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

  private PhoneVerificationSession(
      SessionId id,
      PhoneNumber phone,
      byte[] codeHash,
      Instant createdAt,
      Instant expiresAt,
      int wrongCodes,
      State state,
      CustomerId customerId,
      long version) {
    this.id = Objects.requireNonNull(id, "id");
    this.phone = Objects.requireNonNull(phone, "phone");
    this.codeHash = Arrays.copyOf(Objects.requireNonNull(codeHash, "codeHash"), codeHash.length);
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    this.state = Objects.requireNonNull(state, "state");
    if (wrongCodes < 0 || wrongCodes > MAX_WRONG_CODES) {
      throw new IllegalArgumentException("wrongCodes out of range: " + wrongCodes);
    }
    if (state == State.VERIFIED && customerId == null) {
      throw new IllegalArgumentException("a verified session names the customer it created");
    }
    if (state == State.PENDING && customerId != null) {
      throw new IllegalArgumentException("a pending session has created no customer");
    }
    this.wrongCodes = wrongCodes;
    this.customerId = customerId;
    this.version = version;
  }

  /** A new pending session for {@code phone} whose code is {@code code}. */
  public static PhoneVerificationSession start(
      SessionId id, PhoneNumber phone, OtpCode code, OtpHasher hasher, Instant now) {
    return new PhoneVerificationSession(
        id, phone, hasher.hash(id, code), now, now.plus(LIFETIME), 0, State.PENDING, null, 0);
  }

  /** A session as a repository stored it. */
  public static PhoneVerificationSession restore(
      SessionId id,
      PhoneNumber phone,
      byte[] codeHash,
      Instant createdAt,
      Instant expiresAt,
      int wrongCodes,
      State state,
      CustomerId customerId,
      long version) {
    return new PhoneVerificationSession(
        id, phone, codeHash, createdAt, expiresAt, wrongCodes, state, customerId, version);
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
    return new PhoneVerificationSession(
        id, phone, codeHash, createdAt, expiresAt, wrong, newState, customer, version);
  }

  /** This session as stored at {@code newVersion}; for repositories. */
  public PhoneVerificationSession atVersion(long newVersion) {
    return new PhoneVerificationSession(
        id, phone, codeHash, createdAt, expiresAt, wrongCodes, state, customerId, newVersion);
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
}
