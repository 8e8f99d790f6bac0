package com.customerservice.application.port.in;

import com.customerservice.domain.console.ConsoleSession;
import java.util.Objects;
import java.util.Optional;

/**
 * Sessions of the back-office console: a person whose API key the adapter has verified signs in,
 * each page finds their session by the token their browser holds, and they sign out. Sign-in
 * attempts are budgeted, per client address and in all, before any key is checked.
 */
public interface ConsoleSessionsUseCase {

  /**
   * Counts one sign-in attempt from {@code clientAddress}.
   *
   * @throws com.customerservice.domain.error.RateLimitedException when this address, or everyone
   *     together, tried too often lately
   */
  void admitSignInAttempt(String clientAddress);

  /** Starts a session for the API key named {@code keyName}, which the caller has verified. */
  SignedIn signIn(String keyName);

  /** The live session whose token is {@code token}; empty when unknown, signed out or expired. */
  Optional<ConsoleSession> find(String token);

  /** Ends the session whose token is {@code token}, at once, on every instance. */
  void signOut(String token);

  /** Background work: deletes expired sessions, a batch at a time; returns how many. */
  int expire();

  /** A new session and the token that opens it: given to the browser once, never kept. */
  record SignedIn(String token, ConsoleSession session) {
    public SignedIn {
      Objects.requireNonNull(token, "token");
      Objects.requireNonNull(session, "session");
    }

    @Override
    public String toString() {
      return "SignedIn[" + session + "]";
    }
  }
}
