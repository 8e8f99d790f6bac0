package com.customerservice.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerservice.adapter.crypto.Keysets;
import com.customerservice.adapter.crypto.TinkFieldEncryption;
import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.customer.KycStatus;
import com.customerservice.domain.file.FileId;
import com.customerservice.domain.kyc.KycCase;
import com.customerservice.domain.kyc.KycCheck;
import com.customerservice.domain.kyc.KycReference;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
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

  /** The column names of a select list ({@code SELECT a, b FROM t}). */
  private static List<String> names(String select) {
    String list = select.substring("SELECT ".length(), select.indexOf(" FROM "));
    return Arrays.stream(list.split(",")).map(String::strip).toList();
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
      assertThat(columns(jdbi, "selfie_attempt")).as("each attempt is a check now").isEmpty();
      assertThat(columns(jdbi, "kyc_check")).containsAll(names(JdbiKycChecks.COLUMNS.select()));
      assertThat(columns(jdbi, "kyc_review")).containsAll(names(JdbiKycReviews.COLUMNS.select()));
      // What an idempotent answer was is the HTTP adapter's: the store keeps it opaque.
      assertThat(columns(jdbi, "idempotency_key"))
          .contains("answer", "body")
          .doesNotContain("status", "headers", "rerender");
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
              "phone_verification_session_phone_idx",
              "kyc_check_pending_key",
              "kyc_check_vendor_job_key",
              "kyc_check_customer_idx",
              "kyc_check_subject_idx",
              "kyc_review_open_key",
              "kyc_review_open_queue",
              "kyc_review_decided_newest");
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

  @Test
  void theSelfieAttemptsOfAnOlderSchemaBecomeDecidedChecks() {
    String url = TestDatabase.freshSchemaUrl();
    Instant t0 = Instant.parse("2026-02-01T08:00:00Z");
    String customer = "cus_" + "M".repeat(24);
    String file = "file_" + "F".repeat(24);
    String document = "ref_" + "D".repeat(24);
    List<String> results = List.of("match", "not_live", "face_mismatch", "processing_error");
    try (HikariDataSource bare = new HikariDataSource()) {
      bare.setJdbcUrl(url);
      Flyway.configure()
          .dataSource(bare)
          .locations(PostgresDatabase.MIGRATIONS)
          .target(MigrationVersion.fromVersion("8"))
          .load()
          .migrate();
      Jdbi.create(bare)
          .useHandle(
              h -> {
                h.execute(
                    "INSERT INTO customer (id, phone, status, kyc_status, failed_selfies,"
                        + " customer_segment, created_at, updated_at, version) VALUES"
                        + " (?, '+258845550001', 'active', 'pending', 2, 'personal', ?, ?, 3)",
                    customer,
                    SqlTypes.utc(t0),
                    SqlTypes.utc(t0));
                h.execute(
                    "INSERT INTO stored_file (id, bucket, owner_id, media_type, content,"
                        + " created_at) VALUES (?, 'selfies', ?, 'image/png', ?, ?)",
                    file,
                    customer,
                    new byte[] {1},
                    SqlTypes.utc(t0));
                h.execute(
                    "INSERT INTO kyc_document (reference, customer_id, document_type,"
                        + " front_file_id, vendor_job_id, created_at) VALUES"
                        + " (?, ?, 'MZ_BI', ?, 'job_document', ?)",
                    document,
                    customer,
                    file,
                    SqlTypes.utc(t0));
                for (int i = 0; i < results.size(); i++) {
                  h.execute(
                      "INSERT INTO selfie_attempt (reference, customer_id, result,"
                          + " selfie_file_id, vendor_job_id, attempted_at) VALUES"
                          + " (?, ?, ?, ?, ?, ?)",
                      document,
                      customer,
                      results.get(i),
                      file,
                      "job_" + i,
                      SqlTypes.utc(t0.plusSeconds(60L * (i + 1))));
                }
              });
    }

    try (var migrated =
        new PostgresDatabase(
            PostgresDatabase.Settings.of(url, null, null),
            TinkFieldEncryption.of(Keysets.generate()))) {
      List<KycCheck> checks = migrated.kycChecks().ofCustomer(new CustomerId(customer), 10);

      assertThat(checks)
          .extracting(c -> c.job().reference())
          .containsExactly("job_3", "job_2", "job_1", "job_0");
      assertThat(checks)
          .extracting(c -> c.result().map(KycCheck.Result::code).orElse("none"))
          .containsExactly("none", "match", "live", "verified");
      for (int i = 0; i < checks.size(); i++) {
        KycCheck check = checks.get(i);
        Instant attempted = t0.plusSeconds(60L * (checks.size() - i));
        assertThat(check.status()).isEqualTo(KycCheck.Status.DECIDED);
        assertThat(check.submittedAt()).isEqualTo(attempted);
        assertThat(check.decidedAt()).contains(attempted);
        assertThat(check.deadline()).isEqualTo(attempted.plus(Duration.ofHours(24)));
        assertThat(check.vendor()).isEqualTo("unrecorded");
        assertThat(check.job().subject()).isEmpty();
        assertThat(check.document()).isEqualTo(new KycReference(document));
        assertThat(check.selfie()).isEqualTo(new FileId(file));
        assertThat(check.findings().isEmpty()).isTrue();
        assertThat(check.version()).isEqualTo(1);
      }
      assertThat(checks.stream().map(KycCheck::id).distinct()).hasSize(4);
      assertThat(migrated.kycChecks().findByJob("unrecorded", "job_0")).isPresent();
      // The customer's case comes through the new schema as it was.
      assertThat(migrated.customers().findActive(new CustomerId(customer)).orElseThrow().kyc())
          .isEqualTo(new KycCase(KycStatus.PENDING, 2));
    }
  }
}
