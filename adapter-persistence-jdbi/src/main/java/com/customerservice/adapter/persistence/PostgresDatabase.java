package com.customerservice.adapter.persistence;

import com.customerservice.adapter.persistence.crypto.SensitiveColumns;
import com.customerservice.domain.port.FieldEncryption;
import com.customerservice.domain.port.Storage;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * The PostgreSQL side of the service: a connection pool, the schema (migrated at start-up unless
 * the operator migrates separately), and every storage port built on them.
 */
public final class PostgresDatabase implements Storage {
  /** Where the schema's migrations live on the class path. */
  public static final String MIGRATIONS = "classpath:db/migration/customer";

  private final HikariDataSource dataSource;
  private final JdbiUnitOfWork unitOfWork;
  private final JdbiCustomerRepository customers;
  private final JdbiPhoneVerificationRepository sessions;
  private final JdbiDocumentStore documents;
  private final JdbiKycRecordRepository kycRecords;
  private final JdbiKycChecks kycChecks;
  private final JdbiKycReviews kycReviews;
  private final PostgresRateLimiter rateLimiter;
  private final JdbiEventLog events;
  private final JdbiWebhookEndpoints webhookEndpoints;
  private final JdbiIdempotencyStore idempotency;
  private final JdbiWebhookDeliveries webhookDeliveries;
  private final JdbiConsoleSessions consoleSessions;
  private final FieldEncryption cipher;
  private volatile boolean migrationsApplied;

  /** How to reach the database and what to do at start-up. */
  public record Settings(
      String jdbcUrl,
      String user,
      String password,
      int maxPoolSize,
      Duration connectionTimeout,
      boolean migrate) {
    public Settings {
      Objects.requireNonNull(jdbcUrl, "jdbcUrl");
      if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
        throw new IllegalArgumentException("the database URL must start with jdbc:postgresql:");
      }
      if (maxPoolSize < 1) {
        throw new IllegalArgumentException("the pool needs at least one connection");
      }
      Objects.requireNonNull(connectionTimeout, "connectionTimeout");
    }

    /** Defaults fit for tests and small deployments. */
    public static Settings of(String jdbcUrl, String user, String password) {
      return new Settings(jdbcUrl, user, password, 10, Duration.ofSeconds(5), true);
    }

    @Override
    public String toString() {
      return "Settings[" + jdbcUrl.replaceAll("password=[^&]*", "password=***") + "]";
    }
  }

  public PostgresDatabase(Settings settings, FieldEncryption cipher) {
    this.cipher = cipher;
    HikariConfig config = new HikariConfig();
    config.setPoolName("customer-service");
    config.setJdbcUrl(settings.jdbcUrl());
    if (settings.user() != null) {
      config.setUsername(settings.user());
    }
    if (settings.password() != null) {
      config.setPassword(settings.password());
    }
    config.setMaximumPoolSize(settings.maxPoolSize());
    config.setConnectionTimeout(settings.connectionTimeout().toMillis());
    // Fail at start-up, with the driver's reason, rather than at the first request.
    config.setInitializationFailTimeout(settings.connectionTimeout().toMillis());
    config.addDataSourceProperty("reWriteBatchedInserts", "true");
    this.dataSource = new HikariDataSource(config);
    try {
      if (settings.migrate()) {
        migrate(dataSource);
        migrationsApplied = true;
      }
      Jdbi jdbi = Jdbi.create(dataSource);
      SensitiveColumns sensitive = new SensitiveColumns(cipher);
      this.unitOfWork = new JdbiUnitOfWork(jdbi);
      this.customers = new JdbiCustomerRepository(unitOfWork, sensitive);
      this.sessions = new JdbiPhoneVerificationRepository(unitOfWork, customers);
      this.documents = new JdbiDocumentStore(unitOfWork, cipher);
      this.kycRecords = new JdbiKycRecordRepository(unitOfWork, sensitive);
      this.kycChecks = new JdbiKycChecks(unitOfWork);
      this.kycReviews = new JdbiKycReviews(unitOfWork);
      this.rateLimiter = new PostgresRateLimiter(dataSource);
      this.events = new JdbiEventLog(unitOfWork);
      this.webhookEndpoints = new JdbiWebhookEndpoints(unitOfWork, cipher);
      this.idempotency = new JdbiIdempotencyStore(unitOfWork, cipher);
      this.webhookDeliveries = new JdbiWebhookDeliveries(unitOfWork);
      this.consoleSessions = new JdbiConsoleSessions(unitOfWork);
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
  }

  /** Applies every pending migration of the schema. */
  public static void migrate(DataSource dataSource) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations(MIGRATIONS)
        .failOnMissingLocations(true)
        .load()
        .migrate();
  }

  private static final String CANARY = "customer-service keyset canary";
  private static final String CANARY_AD = "keyset_canary|1|ciphertext";

  /**
   * Checks that the key set opens this database's data: the first start stores an encrypted canary,
   * every later start must decrypt it.
   *
   * @throws IllegalStateException naming the problem when the key set cannot decrypt it
   */
  public void verifyKeyset() {
    Jdbi jdbi = Jdbi.create(dataSource);
    byte[] stored =
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT ciphertext FROM keyset_canary WHERE id = 1")
                    .mapTo(byte[].class)
                    .findOne()
                    .orElse(null));
    if (stored == null) {
      byte[] fresh = cipher.encryptText(CANARY, CANARY_AD);
      jdbi.useHandle(
          h ->
              h.createUpdate(
                      "INSERT INTO keyset_canary (id, ciphertext) VALUES (1, :c)"
                          + " ON CONFLICT (id) DO NOTHING")
                  .bind("c", fresh)
                  .execute());
      return;
    }
    try {
      if (!CANARY.equals(cipher.decryptText(stored, CANARY_AD))) {
        throw new IllegalStateException("the key set canary holds an unexpected value");
      }
    } catch (FieldEncryption.UndecryptableException e) {
      throw new IllegalStateException(
          "the configured key set cannot decrypt this database's data: it is not the key set"
              + " (or a rotation of the key set) the data was written with");
    }
  }

  /**
   * Whether the database answers and every known migration has been applied. Cheap enough for a
   * readiness probe: the migration state is looked up only until it is complete, then each call is
   * one connection check.
   */
  @Override
  public boolean isReady() {
    try {
      if (!migrationsApplied) {
        var info = Flyway.configure().dataSource(dataSource).locations(MIGRATIONS).load().info();
        migrationsApplied = info.pending().length == 0 && info.current() != null;
        if (!migrationsApplied) {
          return false;
        }
      }
      try (Connection connection = dataSource.getConnection()) {
        return connection.isValid(2);
      }
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }

  @Override
  public JdbiEventLog events() {
    return events;
  }

  @Override
  public JdbiWebhookEndpoints webhookEndpoints() {
    return webhookEndpoints;
  }

  @Override
  public JdbiWebhookDeliveries webhookDeliveries() {
    return webhookDeliveries;
  }

  @Override
  public JdbiIdempotencyStore idempotency() {
    return idempotency;
  }

  @Override
  public JdbiConsoleSessions consoleSessions() {
    return consoleSessions;
  }

  /**
   * The pool for a library that writes in the use cases' transactions (the persistent scheduler):
   * inside a unit of work it hands out that transaction's connection.
   */
  public DataSource transactionalDataSource() {
    return new TransactionalDataSource(dataSource, unitOfWork);
  }

  @Override
  public JdbiUnitOfWork unitOfWork() {
    return unitOfWork;
  }

  @Override
  public JdbiCustomerRepository customers() {
    return customers;
  }

  @Override
  public JdbiPhoneVerificationRepository sessions() {
    return sessions;
  }

  @Override
  public JdbiDocumentStore documents() {
    return documents;
  }

  @Override
  public JdbiKycRecordRepository kycRecords() {
    return kycRecords;
  }

  @Override
  public JdbiKycChecks kycChecks() {
    return kycChecks;
  }

  @Override
  public JdbiKycReviews kycReviews() {
    return kycReviews;
  }

  @Override
  public PostgresRateLimiter rateLimiter() {
    return rateLimiter;
  }

  public FieldEncryption cipher() {
    return cipher;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
