package com.customerservice.adapter.persistence;

import com.customerservice.adapter.crypto.Keysets;
import com.customerservice.adapter.crypto.TinkFieldEncryption;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * PostgreSQL for tests: the server named by {@code TEST_DATABASE_URL} when it is set (CI sets it),
 * an embedded server otherwise, so that the tests pass on a machine with nothing installed. Every
 * caller gets a schema of its own, so tests never see each other's rows.
 */
public final class TestDatabase {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static volatile String baseUrl;

  private TestDatabase() {}

  /** A JDBC URL (with credentials) whose current schema is new and empty. */
  public static String freshSchemaUrl() {
    String base = baseUrl();
    // The creation time in the name lets a later run drop what a killed run left behind.
    String schema =
        "t_"
            + Instant.now().getEpochSecond()
            + "_"
            + Long.toHexString(RANDOM.nextLong()).toLowerCase(Locale.ROOT);
    try (Connection connection = DriverManager.getConnection(base);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create a test schema", e);
    }
    return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  /** A database (pool, schema, ports) on a fresh schema, with a newly generated key set. */
  public static PostgresDatabase fresh() {
    return fresh(TinkFieldEncryption.of(Keysets.generate()));
  }

  public static PostgresDatabase fresh(TinkFieldEncryption cipher) {
    return new PostgresDatabase(PostgresDatabase.Settings.of(freshSchemaUrl(), null, null), cipher);
  }

  private static String baseUrl() {
    if (baseUrl == null) {
      synchronized (TestDatabase.class) {
        if (baseUrl == null) {
          String configured = System.getenv("TEST_DATABASE_URL");
          baseUrl = configured != null && !configured.isBlank() ? configured : startEmbedded();
        }
      }
    }
    return baseUrl;
  }

  /** On a shared server, drops the test schemas that runs of over an hour ago left behind. */
  private static void dropStaleSchemas(String url) {
    long cutoff = Instant.now().minus(Duration.ofHours(1)).getEpochSecond();
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      List<String> stale = new ArrayList<>();
      try (ResultSet rs =
          statement.executeQuery(
              "SELECT nspname FROM pg_namespace WHERE nspname ~ '^t_[0-9]+_[0-9a-f]+$'")) {
        while (rs.next()) {
          String name = rs.getString(1);
          if (Long.parseLong(name.split("_")[1]) < cutoff) {
            stale.add(name);
          }
        }
      }
      for (String schema : stale) {
        statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not reach the test database", e);
    }
  }

  private static String startEmbedded() {
    try {
      EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      postgres.close();
                    } catch (IOException ignored) {
                      // the JVM is exiting; nothing more to do
                    }
                  }));
      return postgres.getJdbcUrl("postgres", "postgres");
    } catch (IOException e) {
      throw new UncheckedIOException("could not start an embedded PostgreSQL", e);
    }
  }
}
