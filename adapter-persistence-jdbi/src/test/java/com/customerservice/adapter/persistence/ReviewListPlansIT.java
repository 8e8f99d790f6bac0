package com.customerservice.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerservice.domain.kyc.KycReview;
import com.customerservice.domain.kyc.ReviewPage;
import com.customerservice.domain.shared.Keyset;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A page of a review list reads a range of the list's own index however many reviews there are:
 * with 10,000 open and 10,000 decided, no page sorts or scans the table.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewListPlansIT {
  private static final int REVIEWS = 10_000;
  private final PostgresDatabase database = TestDatabase.fresh();
  private final Jdbi jdbi = Jdbi.create(database.dataSource());

  /** A customer per open review, each also with a decided one, all on checks the deadline left. */
  @BeforeAll
  void fill() {
    jdbi.useTransaction(
        h -> {
          h.execute(
              "INSERT INTO customer (id, phone, status, kyc_status, customer_segment, created_at,"
                  + " updated_at, version) SELECT 'cus_' || lpad(i::text, 24, '0'), '+25884' ||"
                  + " lpad(i::text, 7, '0'), 'active', 'pending', 'personal', now(), now(), 1"
                  + " FROM generate_series(1, ?) i",
              REVIEWS);
          h.execute(
              "INSERT INTO stored_file (id, bucket, owner_id, media_type, content, created_at)"
                  + " VALUES ('file_' || lpad('1', 24, '0'), 'documents', 'cus_' || lpad('1', 24,"
                  + " '0'), 'image/png', '\\x00', now())");
          h.execute(
              "INSERT INTO kyc_document (reference, customer_id, document_type, front_file_id,"
                  + " vendor_job_id, created_at) VALUES ('ref_' || lpad('1', 24, '0'), 'cus_' ||"
                  + " lpad('1', 24, '0'), 'MZ_BI', 'file_' || lpad('1', 24, '0'), 'job', now())");
          h.execute(
              "INSERT INTO kyc_check (id, customer_id, document_reference, vendor, vendor_job,"
                  + " selfie_file_id, status, findings, submitted_at, deadline, version) SELECT"
                  + " 'kyc_' || lpad(i::text, 24, '0'), 'cus_' || lpad(i::text, 24, '0'), 'ref_'"
                  + " || lpad('1', 24, '0'), 'smile_id', 'job_' || i, 'file_' || lpad('1', 24,"
                  + " '0'), 'expired', '{}', now() - interval '1 day', now(), 1 FROM"
                  + " generate_series(1, ?) i",
              REVIEWS);
          String review =
              "INSERT INTO kyc_review (id, customer_id, check_id, vendor, reason, findings, status,"
                  + " decision, decided_by, decided_at, created_at, closed_at, version) SELECT"
                  + " 'rev_' || ? || lpad(i::text, 23, '0'), 'cus_' || lpad(i::text, 24, '0'),"
                  + " 'kyc_' || lpad(i::text, 24, '0'), 'smile_id', 'vendor_timeout', '{}', %s,"
                  + " now() - i * interval '1 second', %s, 1 FROM generate_series(1, ?) i";
          h.execute(review.formatted("'open', NULL, NULL, NULL", "NULL"), "o", REVIEWS);
          h.execute(
              review.formatted(
                  "'decided', 'approve', 'alice', now() - i * interval '1 second'",
                  "now() - i * interval '1 second'"),
              "d",
              REVIEWS);
          // This schema's tables only: a bare ANALYZE visits every schema on a shared server.
          h.execute("ANALYZE kyc_review, kyc_check, kyc_document, customer");
        });
  }

  @AfterAll
  void close() {
    database.close();
  }

  private String plan(ReviewPage.Query query) {
    return jdbi.withHandle(
        h -> {
          Query explain =
              h.createQuery("EXPLAIN " + JdbiKycReviews.pageSql(query))
                  .bind("limit", query.limit() + 1);
          query
              .after()
              .ifPresent(
                  at ->
                      explain
                          .bind("after_at", SqlTypes.utc(at.createdAt()))
                          .bind("after_id", at.id()));
          return String.join("\n", explain.mapTo(String.class).list());
        });
  }

  @Test
  void theFirstAndALaterPageOfTheOpenQueueReadItsIndex() {
    Optional<Keyset> middle =
        Optional.of(new Keyset(Instant.now().minusSeconds(REVIEWS / 2), "rev_o" + "0".repeat(23)));
    for (Optional<Keyset> after : List.of(Optional.<Keyset>empty(), middle)) {
      String plan = plan(new ReviewPage.Query(KycReview.Status.OPEN, 50, after));
      assertThat(plan).contains("Index Scan using kyc_review_open_queue").doesNotContain("Sort");
    }
  }

  @Test
  void theFirstAndALaterPageOfTheDecidedListReadItsIndex() {
    Optional<Keyset> middle =
        Optional.of(new Keyset(Instant.now().minusSeconds(60), "rev_d" + "5".repeat(23)));
    for (Optional<Keyset> after : List.of(Optional.<Keyset>empty(), middle)) {
      String plan = plan(new ReviewPage.Query(KycReview.Status.DECIDED, 50, after));
      assertThat(plan)
          .contains("Index Scan using kyc_review_decided_newest")
          .doesNotContain("Sort");
    }
  }
}
