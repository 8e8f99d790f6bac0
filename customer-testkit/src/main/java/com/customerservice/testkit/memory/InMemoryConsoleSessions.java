package com.customerservice.testkit.memory;

import com.customerservice.domain.console.ConsoleSession;
import com.customerservice.domain.port.ConsoleSessionStore;
import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Console sessions in a map by their token's hash. */
public final class InMemoryConsoleSessions implements ConsoleSessionStore {
  private final ConcurrentHashMap<String, ConsoleSession> sessions = new ConcurrentHashMap<>();

  @Override
  public void create(ConsoleSession session) {
    if (sessions.putIfAbsent(session.tokenHash(), session) != null) {
      throw new IllegalStateException("a session with this token already exists");
    }
  }

  @Override
  public Optional<ConsoleSession> findByTokenHash(String tokenHash) {
    return Optional.ofNullable(sessions.get(tokenHash));
  }

  @Override
  public void revoke(String tokenHash) {
    sessions.computeIfPresent(
        tokenHash,
        (hash, s) ->
            new ConsoleSession(
                hash, s.keyName(), s.csrfToken(), s.createdAt(), s.expiresAt(), true));
  }

  @Override
  public synchronized int deleteExpired(Instant now, int max) {
    int deleted = 0;
    for (Iterator<ConsoleSession> it = sessions.values().iterator();
        it.hasNext() && deleted < max; ) {
      if (!it.next().expiresAt().isAfter(now)) {
        it.remove();
        deleted++;
      }
    }
    return deleted;
  }
}
