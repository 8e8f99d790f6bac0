package com.customerservice.domain.verification;

import com.customerservice.domain.customer.CustomerId;
import java.util.Optional;

/**
 * What one submitted code did to a session. Every outcome that changed the session carries the
 * changed session, which the caller must store even though it reports a failure.
 */
public sealed interface VerificationAttempt {

  /** The session as this attempt changed it, when it did: store it, even for a failure. */
  default Optional<PhoneVerificationSession> changedSession() {
    return Optional.empty();
  }

  /**
   * The right code for a pending session: create the customer, then {@link
   * PhoneVerificationSession#completedFor}.
   */
  record Accepted(PhoneVerificationSession session) implements VerificationAttempt {}

  /**
   * The right code again, within the lifetime, for a session that already created a customer: a
   * safe client retry.
   */
  record Replayed(CustomerId customerId) implements VerificationAttempt {}

  /** A wrong code, counted; {@code remainingAttempts} more wrong codes lock the session. */
  record WrongCode(PhoneVerificationSession session, int remainingAttempts)
      implements VerificationAttempt {
    @Override
    public Optional<PhoneVerificationSession> changedSession() {
      return Optional.of(session);
    }
  }

  /** The session is locked by too many wrong codes; {@code justLocked} when this code locked it. */
  record Locked(PhoneVerificationSession session, boolean justLocked)
      implements VerificationAttempt {
    @Override
    public Optional<PhoneVerificationSession> changedSession() {
      return justLocked ? Optional.of(session) : Optional.empty();
    }
  }

  /** The session's lifetime is over: its code neither verifies nor replays. */
  record Expired(PhoneVerificationSession session) implements VerificationAttempt {}
}
