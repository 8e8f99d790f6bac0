package com.customerservice.domain.port;

import com.customerservice.domain.console.ConsoleSession;
import java.time.Instant;
import java.util.Optional;

/** The back-office console's sessions, shared by every instance, found by their token's hash. */
public interface ConsoleSessionStore {

  /** Keeps a new session. */
  void create(ConsoleSession session);

  /** The session whose token hashes to {@code tokenHash}, revoked or expired ones too. */
  Optional<ConsoleSession> findByTokenHash(String tokenHash);

  /** Ends the session at once (signing out); nothing happens for an unknown hash. */
  void revoke(String tokenHash);

  /** Deletes up to {@code max} sessions that expired before {@code now}; returns how many. */
  int deleteExpired(Instant now, int max);
}
