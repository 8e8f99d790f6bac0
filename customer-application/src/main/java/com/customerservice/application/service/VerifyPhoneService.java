package com.customerservice.application.service;

import com.customerservice.application.port.in.VerifyPhoneUseCase;
import com.customerservice.domain.customer.Customer;
import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.error.ConflictException;
import com.customerservice.domain.error.NotFoundException;
import com.customerservice.domain.error.RateLimitedException;
import com.customerservice.domain.error.VerificationFailedException;
import com.customerservice.domain.port.PhoneVerificationRepository;
import com.customerservice.domain.shared.Timestamps;
import com.customerservice.domain.verification.OtpHasher;
import com.customerservice.domain.verification.PhoneVerificationSession;
import com.customerservice.domain.verification.SessionId;
import com.customerservice.domain.verification.VerificationAttempt;
import java.time.Clock;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * Checks a code and, for the right one, creates the customer in the same atomic write that marks
 * the session used. Every write names the session version it was made from, so two requests racing
 * on one session collide on that version or on the phone's uniqueness; the loser runs again, finds
 * the session verified and answers the winner's customer, so one session never creates two
 * customers.
 */
public final class VerifyPhoneService implements VerifyPhoneUseCase {
  static final int MAX_RUNS = 3;

  private final PhoneVerificationRepository sessions;
  private final OtpHasher hasher;
  private final RandomGenerator random;
  private final Clock clock;

  public VerifyPhoneService(
      PhoneVerificationRepository sessions, OtpHasher hasher, RandomGenerator random, Clock clock) {
    this.sessions = sessions;
    this.hasher = hasher;
    this.random = random;
    this.clock = clock;
  }

  @Override
  public Verified verify(Command command) {
    SessionId id =
        SessionId.KIND.parse(command.sessionId()).orElseThrow(VerifyPhoneService::sessionMissing);
    for (int run = 1; ; run++) {
      try {
        return report(attempt(id, command));
      } catch (ConflictException e) {
        if (run >= MAX_RUNS) {
          throw e;
        }
      }
    }
  }

  /**
   * One run: a read, then one versioned write; failures are reported after the session is stored.
   */
  private Outcome attempt(SessionId id, Command command) {
    PhoneVerificationSession session =
        sessions.find(id).orElseThrow(VerifyPhoneService::sessionMissing);
    Instant now = Timestamps.now(clock);
    VerificationAttempt attempt = session.attempt(command.code(), hasher, now);
    if (attempt instanceof VerificationAttempt.Accepted accepted) {
      // No look-up first: the store refuses a phone that is taken, and that conflict sends this
      // run round the loop like any other.
      Customer customer = Customer.register(CustomerId.KIND.next(random), session.phone(), now);
      sessions.complete(accepted.session().completedFor(customer.id()), customer);
      return new Outcome(attempt, new Verified(customer.id(), true));
    }
    if (attempt instanceof VerificationAttempt.Replayed replayed) {
      return new Outcome(attempt, new Verified(replayed.customerId(), false));
    }
    attempt.changedSession().ifPresent(sessions::update);
    return new Outcome(attempt, null);
  }

  private static Verified report(Outcome outcome) {
    VerificationAttempt attempt = outcome.attempt();
    if (outcome.verified() != null) {
      return outcome.verified();
    }
    if (attempt instanceof VerificationAttempt.WrongCode wrong) {
      throw new VerificationFailedException(
          "verification_code_incorrect",
          "verification_code",
          "The verification code is incorrect; " + wrong.remainingAttempts() + " attempt(s) left");
    }
    if (attempt instanceof VerificationAttempt.Locked) {
      // A locked session never unlocks: waiting does not help, a new session does.
      throw RateLimitedException.permanently(
          "too_many_attempts",
          "Too many incorrect codes; this session is locked. Start again with a new code");
    }
    if (attempt instanceof VerificationAttempt.Expired) {
      throw new VerificationFailedException(
          "verification_session_expired",
          "session_id",
          "The verification code has expired; start again with a new code");
    }
    throw new IllegalStateException("unhandled verification attempt " + attempt);
  }

  private static NotFoundException sessionMissing() {
    return new NotFoundException("session_id", "No such phone verification session");
  }

  private record Outcome(VerificationAttempt attempt, Verified verified) {}
}
