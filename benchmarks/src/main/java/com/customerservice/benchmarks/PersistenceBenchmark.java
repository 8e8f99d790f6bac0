package com.customerservice.benchmarks;

import com.customerservice.adapter.persistence.PostgresDatabase;
import com.customerservice.adapter.crypto.TinkFieldEncryption;
import com.customerservice.adapter.crypto.Keysets;
import com.customerservice.domain.customer.Customer;
import com.customerservice.domain.customer.CustomerChanges;
import com.customerservice.domain.customer.CustomerFilter;
import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.customer.CustomerPage;
import com.customerservice.domain.customer.CustomerQuery;
import com.customerservice.domain.customer.PageCursor;
import com.customerservice.domain.customer.SensitiveId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-customer reads and writes through the PostgreSQL adapter, on a table of {@code bench.rows}
 * customers (default one million) seeded once in schema {@code bench_customers} of {@code
 * BENCH_DATABASE_URL} (default: the local server's {@code postgres} database).
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class PersistenceBenchmark {
  static final String SCHEMA = "bench_customers";
  private PostgresDatabase database;
  private int rows;
  private PageCursor deepCursor;

  @Setup(Level.Trial)
  public void setUp() {
    rows = Integer.getInteger("bench.rows", 1_000_000);
    String base =
        Optional.ofNullable(System.getenv("BENCH_DATABASE_URL"))
            .orElse("jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
    Jdbi.create(base).useHandle(h -> h.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA));
    String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
    database =
        new PostgresDatabase(
            PostgresDatabase.Settings.of(url, null, null), TinkFieldEncryption.of(Keysets.generate()));
    Seeding.seed(database, rows);
    Customer deep = database.customers().findActive(Seeding.id(rows / 10 * 9)).orElseThrow();
    deepCursor = PageCursor.after(deep);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    database.close();
  }

  private CustomerId randomId() {
    return Seeding.id(1 + ThreadLocalRandom.current().nextInt(rows));
  }

  @Benchmark
  public Optional<Customer> readById() {
    return database.customers().findActive(randomId());
  }

  @Benchmark
  public Optional<Customer> readByPhone() {
    return database
        .customers()
        .findActiveByPhone(Seeding.phone(1 + ThreadLocalRandom.current().nextInt(rows)));
  }

  /** As PUT does it: a read, then one versioned UPDATE in auto-commit (no transaction around). */
  @Benchmark
  public Customer updateWithTaxId() {
    Customer current = database.customers().findActive(randomId()).orElseThrow();
    String taxId = Integer.toString(ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999));
    return database
        .customers()
        .update(
            current.update(
                CustomerChanges.builder().taxId(SensitiveId.of("tax_id", taxId)).build(),
                Instant.now()));
  }

  @Benchmark
  public CustomerPage firstPage() {
    return database
        .customers()
        .page(new CustomerQuery(CustomerFilter.none(), 50, Optional.empty()));
  }

  @Benchmark
  public CustomerPage pageDeepInTheTable() {
    return database
        .customers()
        .page(new CustomerQuery(CustomerFilter.none(), 50, Optional.of(deepCursor)));
  }

  /** Prints the plan of each hot query on the seeded table (run with {@code -Dbench.explain}). */
  public static void main(String[] args) {
    String base =
        Optional.ofNullable(System.getenv("BENCH_DATABASE_URL"))
            .orElse("jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
    Jdbi jdbi = Jdbi.create(base + (base.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA);
    String deepAt =
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT created_at::text FROM customer WHERE id = :id")
                    .bind("id", Seeding.id(900_000).value())
                    .mapTo(String.class)
                    .one());
    List<String> queries =
        List.of(
            "SELECT * FROM customer WHERE status = 'active' AND id = '"
                + Seeding.id(123_456).value()
                + "'",
            "SELECT * FROM customer WHERE status = 'active' AND phone = '"
                + Seeding.phone(123_456).e164()
                + "'",
            "SELECT * FROM customer WHERE status = 'active' ORDER BY created_at DESC, id DESC LIMIT 51",
            "SELECT * FROM customer WHERE status = 'active' AND (created_at, id) < ('"
                + deepAt
                + "', '"
                + Seeding.id(900_000).value()
                + "') ORDER BY created_at DESC, id DESC LIMIT 51",
            "SELECT * FROM customer WHERE status = 'active' AND kyc_status = 'pending' ORDER BY created_at DESC, id DESC LIMIT 51",
            "SELECT created_at FROM phone_verification_session WHERE phone = '+258840000001' AND created_at > now() - interval '1 hour'");
    for (String query : queries) {
      System.out.println("-- " + query);
      jdbi.useHandle(
          h ->
              h.createQuery("EXPLAIN (ANALYZE, BUFFERS) " + query)
                  .mapTo(String.class)
                  .list()
                  .forEach(line -> System.out.println("   " + line)));
    }
  }
}
