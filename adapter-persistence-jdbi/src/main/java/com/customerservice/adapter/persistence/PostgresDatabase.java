package com.customerservice.adapter.persistence;

import com.customerservice.adapter.persistence.crypto.FieldCipher;
import com.customerservice.adapter.persistence.crypto.SensitiveColumns;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * The PostgreSQL side of the service: a connection pool, the schema (migrated at start-up unless
 * the operator migrates separately), and every storage port built on them.
 */
public final class PostgresDatabase implements AutoCloseable {
  /** Where the schema's migrations live on the class path. */
  public static final String MIGRATIONS = "classpath:db/migration/customer";

  private final HikariDataSource dataSource;
  private final JdbiUnitOfWork unitOfWork;
  private final JdbiCustomerRepository customers;
  private final JdbiPhoneVerificationRepository sessions;
  private final JdbiDocumentStore documents;
  private final JdbiKycRecordRepository kycRecords;
  private final FieldCipher cipher;

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

  public PostgresDatabase(Settings settings, FieldCipher cipher) {
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
      }
      Jdbi jdbi = Jdbi.create(dataSource);
      SensitiveColumns sensitive = new SensitiveColumns(cipher);
      this.unitOfWork = new JdbiUnitOfWork(jdbi);
      this.customers = new JdbiCustomerRepository(unitOfWork, sensitive);
      this.sessions = new JdbiPhoneVerificationRepository(unitOfWork);
      this.documents = new JdbiDocumentStore(unitOfWork, cipher);
      this.kycRecords = new JdbiKycRecordRepository(unitOfWork, sensitive);
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

  /** Whether the database answers and every known migration has been applied. */
  public boolean isReady() {
    try {
      var info = Flyway.configure().dataSource(dataSource).locations(MIGRATIONS).load().info();
      return info.pending().length == 0 && info.current() != null;
    } catch (RuntimeException e) {
      return false;
    }
  }

  public JdbiUnitOfWork unitOfWork() {
    return unitOfWork;
  }

  public JdbiCustomerRepository customers() {
    return customers;
  }

  public JdbiPhoneVerificationRepository sessions() {
    return sessions;
  }

  public JdbiDocumentStore documents() {
    return documents;
  }

  public JdbiKycRecordRepository kycRecords() {
    return kycRecords;
  }

  public FieldCipher cipher() {
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
