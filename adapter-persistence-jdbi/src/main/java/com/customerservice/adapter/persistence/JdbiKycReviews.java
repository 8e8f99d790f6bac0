package com.customerservice.adapter.persistence;

import static com.customerservice.adapter.persistence.SqlArguments.integer;
import static com.customerservice.adapter.persistence.SqlArguments.text;
import static com.customerservice.adapter.persistence.SqlArguments.timestamp;

import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.event.CustomerEvent;
import com.customerservice.domain.kyc.KycCheckId;
import com.customerservice.domain.kyc.KycReview;
import com.customerservice.domain.kyc.KycReviewId;
import com.customerservice.domain.kyc.Refusal;
import com.customerservice.domain.kyc.ReviewDecision;
import com.customerservice.domain.kyc.ReviewPage;
import com.customerservice.domain.port.KycReviewRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

/**
 * Reviews in PostgreSQL, each write and the events recording it one statement. A partial unique
 * index keeps one open review per customer, every update names the version it was made from, and
 * each of the two lists is read along a partial index of its own.
 */
public final class JdbiKycReviews implements KycReviewRepository {
  static final TableColumns<KycReview> COLUMNS =
      TableColumns.<KycReview>of("kyc_review")
          .fixed("id", r -> text(r.id().value()))
          .fixed("customer_id", r -> text(r.customerId().value()))
          .fixed("check_id", r -> text(r.checkId().value()))
          .fixed("vendor", r -> text(r.vendor()))
          .fixed("reason", r -> text(r.reason().code()))
          .fixed("findings", r -> JsonColumns.findings(r.findings()))
          .column("status", r -> text(r.status().code()))
          .column("claimed_by", r -> text(claim(r, KycReview.Claim::holder)))
          .column("claimed_until", r -> timestamp(claim(r, KycReview.Claim::until)))
          .column("decision", r -> text(decision(r, d -> d.decision().code())))
          .column(
              "decision_reason",
              r -> text(decision(r, d -> d.reason().map(Refusal::code).orElse(null))))
          .column("decision_note", r -> text(decision(r, d -> d.note().orElse(null))))
          .column("decided_by", r -> text(decision(r, ReviewDecision::decidedBy)))
          .column("decided_at", r -> timestamp(decision(r, ReviewDecision::decidedAt)))
          .fixed("created_at", r -> timestamp(r.createdAt()))
          .column("closed_at", r -> timestamp(r.closedAt().orElse(null)));

  private static final String SELECT = COLUMNS.select();

  private static final RowMapper<KycReview> MAPPER =
      (rs, ctx) ->
          KycReview.restore(
                  new KycReviewId(rs.getString("id")),
                  new CustomerId(rs.getString("customer_id")),
                  new KycCheckId(rs.getString("check_id")),
                  rs.getString("vendor"),
                  KycReview.Reason.fromCode(rs.getString("reason")),
                  SqlTypes.instant(rs, "created_at"))
              .findings(JsonColumns.findings(rs.getString("findings")))
              .status(KycReview.Status.fromCode(rs.getString("status")))
              .claim(
                  rs.getString("claimed_by") == null
                      ? null
                      : new KycReview.Claim(
                          rs.getString("claimed_by"), SqlTypes.instant(rs, "claimed_until")))
              .decision(decision(rs))
              .closedAt(SqlTypes.instant(rs, "closed_at"))
              .version(rs.getLong("version"))
              .build();

  private final JdbiUnitOfWork db;

  public JdbiKycReviews(JdbiUnitOfWork db) {
    this.db = db;
  }

  @Override
  public void insert(KycReview review, List<CustomerEvent> events) {
    db.withHandle(
        h -> EventRows.write(h, COLUMNS.insert(), s -> COLUMNS.bindNew(s, review), events));
  }

  @Override
  public KycReview update(KycReview changed, List<CustomerEvent> events) {
    EventRows.versioned(
        db, COLUMNS.update(), s -> COLUMNS.bindChange(s, changed, changed.version()), events);
    return changed.atVersion(changed.version() + 1);
  }

  @Override
  public Optional<KycReview> find(KycReviewId id) {
    return one(" WHERE id = :value", id.value());
  }

  @Override
  public Optional<KycReview> findOpen(CustomerId customer) {
    return one(" WHERE customer_id = :value AND status = 'open'", customer.value());
  }

  /** The review {@code where} finds, its one parameter {@code :value}. */
  private Optional<KycReview> one(String where, String value) {
    return db.withHandle(
        h -> h.createQuery(SELECT + where).bind("value", text(value)).map(MAPPER).findOne());
  }

  @Override
  public ReviewPage page(ReviewPage.Query query) {
    List<KycReview> rows =
        db.withHandle(
            h -> {
              Query statement =
                  h.createQuery(pageSql(query)).bind("limit", integer(query.limit() + 1));
              query
                  .after()
                  .ifPresent(
                      at ->
                          statement
                              .bind("after_at", timestamp(at.createdAt()))
                              .bind("after_id", text(at.id())));
              return statement.map(MAPPER).list();
            });
    return ReviewPage.fromOverfetch(rows, query);
  }

  /**
   * One page of a list, one row more than asked for: the open queue by when each review opened,
   * oldest first; the decided ones by when each was decided, newest first. The status is part of
   * the text (not a parameter) so that the planner matches the list's partial index.
   */
  static String pageSql(ReviewPage.Query query) {
    boolean hasPosition = query.after().isPresent();
    if (query.oldestFirst()) {
      return SELECT
          + " WHERE status = 'open'"
          + (hasPosition ? " AND (created_at, id) > (:after_at, :after_id)" : "")
          + " ORDER BY created_at, id LIMIT :limit";
    }
    return SELECT
        + " WHERE status = 'decided'"
        + (hasPosition ? " AND (closed_at, id) < (:after_at, :after_id)" : "")
        + " ORDER BY closed_at DESC, id DESC LIMIT :limit";
  }

  private static <T> T claim(KycReview review, Function<KycReview.Claim, T> part) {
    return review.claim().map(part).orElse(null);
  }

  private static <T> T decision(KycReview review, Function<ReviewDecision, T> part) {
    return review.decision().map(part).orElse(null);
  }

  private static ReviewDecision decision(ResultSet rs) throws SQLException {
    String decision = rs.getString("decision");
    if (decision == null) {
      return null;
    }
    return new ReviewDecision(
        ReviewDecision.Decision.parse(decision),
        Optional.ofNullable(rs.getString("decision_reason")).map(Refusal::fromCode),
        Optional.ofNullable(rs.getString("decision_note")),
        rs.getString("decided_by"),
        SqlTypes.instant(rs, "decided_at"));
  }
}
