package com.customerservice.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerservice.domain.console.ConsoleSession;
import com.customerservice.domain.port.ConsoleSessionStore;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every store of console sessions must do: find a session by its token's hash exactly as it
 * was kept, revoke it for good, and delete expired sessions in bounded batches (only those).
 */
public abstract class ConsoleSessionStoreContract {
  private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

  protected abstract ConsoleSessionStore store();

  private static ConsoleSession aSession(String keyName, Instant createdAt) {
    String token = UUID.randomUUID().toString();
    return ConsoleSession.start(
        ConsoleSession.hashOf(token), keyName, "csrf-" + token + "-" + token, createdAt);
  }

  @Test
  void aSessionIsFoundByItsTokensHashAsItWasKept() {
    ConsoleSession session = aSession("alice", T0);
    store().create(session);

    assertThat(store().findByTokenHash(session.tokenHash())).contains(session);
    assertThat(store().findByTokenHash(ConsoleSession.hashOf("no such token"))).isEmpty();
  }

  @Test
  void aRevokedSessionIsKeptRevokedAndNoLongerLive() {
    ConsoleSession session = aSession("bob", T0);
    ConsoleSession other = aSession("bob", T0);
    store().create(session);
    store().create(other);

    store().revoke(session.tokenHash());
    store().revoke(ConsoleSession.hashOf("unknown"));

    ConsoleSession found = store().findByTokenHash(session.tokenHash()).orElseThrow();
    assertThat(found.revoked()).isTrue();
    assertThat(found.isLiveAt(T0.plusSeconds(1))).isFalse();
    assertThat(found.keyName()).isEqualTo("bob");
    assertThat(store().findByTokenHash(other.tokenHash()).orElseThrow().isLiveAt(T0)).isTrue();
  }

  @Test
  void expiredSessionsAreDeletedInBatchesAndLiveOnesKept() {
    Instant longAgo = T0.minus(Duration.ofDays(30));
    ConsoleSession expired1 = aSession("alice", longAgo);
    ConsoleSession expired2 = aSession("alice", longAgo.plusSeconds(1));
    ConsoleSession live = aSession("alice", T0);
    store().create(expired1);
    store().create(expired2);
    store().create(live);

    int first = store().deleteExpired(T0, 1);
    assertThat(first).isEqualTo(1);
    int rest = 0;
    int deleted;
    while ((deleted = store().deleteExpired(T0, 100)) > 0) {
      rest += deleted;
    }

    assertThat(rest).isGreaterThanOrEqualTo(1);
    assertThat(store().findByTokenHash(expired1.tokenHash())).isEmpty();
    assertThat(store().findByTokenHash(expired2.tokenHash())).isEmpty();
    assertThat(store().findByTokenHash(live.tokenHash())).contains(live);
  }
}
