package com.customerservice.adapter.persistence;

import com.customerservice.domain.error.DomainException;
import com.customerservice.domain.limit.RateLimit;
import com.customerservice.domain.port.RateLimiter;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.RemoteBucketBuilder;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Rate limits shared by every instance, as Bucket4j token buckets whose state lives in PostgreSQL
 * (a row per budget and caller, locked with {@code SELECT … FOR UPDATE} while it changes).
 *
 * <p>Budgets measured in seconds guard hot paths (receiver look-ups), so their buckets are served
 * from memory and synchronised with the database at least every {@link #SYNC_INTERVAL} or every
 * tenth of the budget, whichever comes first: a look-up costs no statement at all most of the time,
 * and all instances together can overspend a budget by at most a tenth each between two
 * synchronisations. Longer budgets (codes sent per minute or per hour) cost money when overspent,
 * so every call takes its unit in the database.
 */
public final class PostgresRateLimiter implements RateLimiter {
  static final Duration SYNC_INTERVAL = Duration.ofMillis(100);
  private static final Duration HOT = Duration.ofSeconds(1);

  private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
  private final Map<String, BucketProxy> proxies = new ConcurrentHashMap<>();

  public PostgresRateLimiter(DataSource dataSource) {
    this.buckets =
        Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
            .primaryKeyMapper(PrimaryKeyMapper.STRING)
            .table("rate_limit_bucket")
            .idColumn("id")
            .stateColumn("state")
            .build();
  }

  @Override
  public void acquire(RateLimit limit, String subject) {
    ConsumptionProbe probe;
    try {
      // Subjects are callers' names (configured keys), so the proxies are as few as the keys.
      BucketProxy bucket =
          proxies.computeIfAbsent(limit.name() + ":" + subject, key -> proxy(key, limit));
      probe = bucket.tryConsumeAndReturnRemaining(1);
    } catch (RuntimeException e) {
      RuntimeException meaning = DatabaseErrors.translate(e);
      throw meaning instanceof DomainException ? meaning : DatabaseErrors.unavailable(e);
    }
    if (!probe.isConsumed()) {
      throw limit.refused(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
  }

  private BucketProxy proxy(String key, RateLimit limit) {
    BucketConfiguration configuration =
        BucketConfiguration.builder()
            .addLimit(
                Bandwidth.builder()
                    .capacity(limit.capacity())
                    .refillGreedy(limit.refill(), limit.period())
                    .build())
            .build();
    RemoteBucketBuilder<String> builder =
        buckets
            .builder()
            // An operator who changes a budget changes the stored bucket with it.
            .withImplicitConfigurationReplacement(
                version(limit), TokensInheritanceStrategy.PROPORTIONALLY);
    if (limit.period().compareTo(HOT) <= 0) {
      builder =
          builder.withOptimization(
              Optimizations.delaying(
                  new DelayParameters(Math.max(1, limit.capacity() / 10), SYNC_INTERVAL)));
    }
    BucketProxy proxy = builder.build(key, () -> configuration);
    // The first call creates the bucket's row. Made here, while computeIfAbsent holds back every
    // other caller of this key, it is made once: concurrent first calls through the batching of a
    // memory-served bucket failed with "bucket does not exist" (seen under load).
    proxy.getAvailableTokens();
    return proxy;
  }

  /** A version that changes whenever the budget does. */
  private static long version(RateLimit limit) {
    return Math.abs((long) Objects.hash(limit.capacity(), limit.refill(), limit.period()));
  }
}
