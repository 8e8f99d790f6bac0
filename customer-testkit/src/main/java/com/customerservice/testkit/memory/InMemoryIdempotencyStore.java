package com.customerservice.testkit.memory;

import com.customerservice.domain.idempotency.Claim;
import com.customerservice.domain.idempotency.IdempotentRequest;
import com.customerservice.domain.idempotency.KeptAnswer;
import com.customerservice.domain.port.IdempotencyStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/** Idempotency keys in a map, claimed under the monitor: one runner per key, as in PostgreSQL. */
public final class InMemoryIdempotencyStore implements IdempotencyStore {
  private record Key(String scope, String key) {}

  private record Entry(
      String fingerprint, String token, Instant claimUntil, Instant expiresAt, KeptAnswer answer) {}

  private final Map<Key, Entry> entries = new HashMap<>();

  private static Key keyOf(IdempotentRequest request) {
    return new Key(request.scope(), request.key().value());
  }

  @Override
  public synchronized Claim claim(
      IdempotentRequest request, String token, Instant now, Instant claimUntil, Instant expiresAt) {
    Key key = keyOf(request);
    Entry found = entries.get(key);
    if (found != null && found.expiresAt().isAfter(now)) {
      if (!found.fingerprint().equals(request.fingerprint())) {
        return new Claim.Reused();
      }
      if (found.answer() != null) {
        return new Claim.Answered(found.answer());
      }
      if (found.claimUntil().isAfter(now)) {
        return new Claim.InProgress();
      }
    }
    entries.put(key, new Entry(request.fingerprint(), token, claimUntil, expiresAt, null));
    return new Claim.Granted(token);
  }

  @Override
  public synchronized void complete(IdempotentRequest request, String token, KeptAnswer answer) {
    entries.computeIfPresent(
        keyOf(request),
        (k, e) ->
            e.token().equals(token) && e.answer() == null
                ? new Entry(e.fingerprint(), token, e.claimUntil(), e.expiresAt(), answer)
                : e);
  }

  @Override
  public synchronized void release(IdempotentRequest request, String token) {
    entries.computeIfPresent(
        keyOf(request), (k, e) -> e.token().equals(token) && e.answer() == null ? null : e);
  }

  @Override
  public synchronized int deleteExpired(Instant now, int max) {
    int deleted = 0;
    for (Iterator<Entry> it = entries.values().iterator(); it.hasNext() && deleted < max; ) {
      if (!it.next().expiresAt().isAfter(now)) {
        it.remove();
        deleted++;
      }
    }
    return deleted;
  }
}
