package com.customerservice.bootstrap;

import com.customerservice.adapter.crypto.Keysets;
import com.customerservice.adapter.crypto.TinkFieldEncryption;
import com.customerservice.adapter.persistence.PostgresDatabase;
import com.customerservice.domain.port.Storage;
import com.customerservice.testkit.memory.InMemoryStorage;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The one place that chooses where the service keeps its data: PostgreSQL (an operator's, or an
 * embedded one under {@code DATA_DIR}), or memory for a demo ({@code STORAGE=memory}, sandbox
 * only). Everything else sees a {@link Storage}.
 */
final class Storages {
  private Storages() {}

  /** Opens the configured storage; what it started (an embedded database) goes into {@code own}. */
  static Storage open(
      Configuration configuration, Clock clock, Metrics metrics, List<AutoCloseable> own) {
    if (configuration.storage().equals(Configuration.MEMORY)) {
      return new InMemoryStorage(clock);
    }
    String url;
    if (configuration.databaseUrl().isPresent()) {
      url = configuration.databaseUrl().get();
    } else {
      EmbeddedDatabase embedded = EmbeddedDatabase.start(configuration.dataDir());
      own.add(embedded);
      url = embedded.jdbcUrl();
    }
    PostgresDatabase database =
        new PostgresDatabase(
            new PostgresDatabase.Settings(
                url,
                configuration.databaseUser().orElse(null),
                configuration.databasePassword().orElse(null),
                configuration.databasePoolSize(),
                Duration.ofSeconds(5),
                configuration.databaseMigrate()),
            cipher(configuration));
    try {
      database.verifyKeyset();
      metrics.bindPool((HikariDataSource) database.dataSource());
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
    return database;
  }

  private static TinkFieldEncryption cipher(Configuration configuration) {
    String keyset =
        configuration
            .encryptionKeyset()
            .orElseGet(() -> LocalSecrets.keyset(configuration.dataDir()));
    try {
      return TinkFieldEncryption.of(Keysets.fromJson(keyset));
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(List.of("ENCRYPTION_KEYSET: " + e.getMessage()));
    }
  }
}
