package com.customerservice.testkit.memory;

import com.customerservice.domain.limit.RateLimit;
import com.customerservice.domain.port.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Token buckets in a map, refilled continuously by the clock's time: for one process only. */
public final class InMemoryRateLimiter implements RateLimiter {
  private record Bucket(double tokens, Instant at) {}

  private final Clock clock;
  private final Map<String, Bucket> buckets = new HashMap<>();

  public InMemoryRateLimiter(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized void acquire(RateLimit limit, String subject) {
    String key = limit.name() + ":" + subject;
    Instant now = clock.instant();
    double perNano = (double) limit.refill() / limit.period().toNanos();
    Bucket bucket = buckets.getOrDefault(key, new Bucket(limit.capacity(), now));
    double elapsed = Math.max(0, Duration.between(bucket.at(), now).toNanos());
    double tokens = Math.min(limit.capacity(), bucket.tokens() + elapsed * perNano);
    if (tokens < 1) {
      buckets.put(key, new Bucket(tokens, now));
      throw limit.refused(Duration.ofNanos((long) Math.ceil((1 - tokens) / perNano)));
    }
    buckets.put(key, new Bucket(tokens - 1, now));
  }
}
