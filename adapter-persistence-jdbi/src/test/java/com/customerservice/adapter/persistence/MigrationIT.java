package com.customerservice.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerservice.adapter.crypto.Keysets;
import com.customerservice.adapter.crypto.TinkFieldEncryption;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** The schema from an empty database, and that it is the schema the code reads and writes. */
class MigrationIT {

  private static List<String> columns(Jdbi jdbi, String table) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT column_name FROM information_schema.columns"
                        + " WHERE table_schema = current_schema() AND table_name = :table")
                .bind("table", table)
                .mapTo(String.class)
                .list());
  }

  @Test
  void migratesAnEmptySchemaOnceAndReportsReady() {
    String url = TestDatabase.freshSchemaUrl();
    try (HikariDataSource bare = new HikariDataSource()) {
      bare.setJdbcUrl(url);
      Jdbi jdbi = Jdbi.create(bare);
      assertThat(columns(jdbi, "customer")).isEmpty();

      var notMigrated =
          new PostgresDatabase(
              new PostgresDatabase.Settings(url, null, null, 2, Duration.ofSeconds(5), false),
              TinkFieldEncryption.of(Keysets.generate()));
      assertThat(notMigrated.isReady()).isFalse();
      notMigrated.close();

      PostgresDatabase.migrate(bare);
      PostgresDatabase.migrate(bare); // a second run finds nothing to do

      List<String> customerColumns = columns(jdbi, "customer");
      assertThat(customerColumns)
          .containsAll(
              Arrays.stream(CustomerTable.SELECT_LIST.split(",")).map(String::strip).toList());
      assertThat(columns(jdbi, "phone_verification_session"))
          .contains("code_hash", "wrong_codes", "state", "version");
      assertThat(columns(jdbi, "stored_file")).contains("content", "bucket", "owner_id");
      assertThat(columns(jdbi, "kyc_document")).contains("id_number", "front_file_id");
      assertThat(columns(jdbi, "selfie_attempt")).contains("result", "selfie_file_id");
      // No clear-text column for anything we promise to encrypt.
      assertThat(customerColumns).doesNotContain("tax_id_plain", "code", "otp");

      List<String> indexes =
          jdbi.withHandle(
              h ->
                  h.createQuery(
                          "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()")
                      .mapTo(String.class)
                      .list());
      assertThat(indexes)
          .contains(
              "customer_active_phone_key",
              "customer_active_created_idx",
              "customer_active_kyc_created_idx",
              "phone_verification_session_phone_idx");
      // Room on each page for updates that touch no index (HOT updates).
      List<String> storage =
          jdbi.withHandle(
              h ->
                  h.createQuery(
                          "SELECT relname || ':' || array_to_string(reloptions, ',') FROM"
                              + " pg_class WHERE relnamespace = current_schema()::regnamespace"
                              + " AND relname IN ('customer', 'phone_verification_session')")
                      .mapTo(String.class)
                      .list());
      assertThat(storage)
          .containsExactlyInAnyOrder(
              "customer:fillfactor=90", "phone_verification_session:fillfactor=90");

      try (var migrated =
          new PostgresDatabase(
              new PostgresDatabase.Settings(url, null, null, 2, Duration.ofSeconds(5), false),
              TinkFieldEncryption.of(Keysets.generate()))) {
        assertThat(migrated.isReady()).isTrue();
      }
    }
  }
}
