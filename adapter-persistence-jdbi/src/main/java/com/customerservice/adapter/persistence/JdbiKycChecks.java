package com.customerservice.adapter.persistence;

import static com.customerservice.adapter.persistence.SqlArguments.integer;
import static com.customerservice.adapter.persistence.SqlArguments.text;
import static com.customerservice.adapter.persistence.SqlArguments.timestamp;

import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.file.FileId;
import com.customerservice.domain.kyc.KycCheck;
import com.customerservice.domain.kyc.KycCheckId;
import com.customerservice.domain.kyc.KycReference;
import com.customerservice.domain.kyc.VendorJob;
import com.customerservice.domain.port.KycCheckRepository;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * KYC checks in PostgreSQL. The schema holds the rules: a partial unique index keeps one pending
 * check per customer, a unique key one check per vendor job, and every update names the version it
 * was made from.
 */
public final class JdbiKycChecks implements KycCheckRepository {
  static final TableColumns<KycCheck> COLUMNS =
      TableColumns.<KycCheck>of("kyc_check")
          .fixed("id", c -> text(c.id().value()))
          .fixed("customer_id", c -> text(c.customerId().value()))
          .fixed("document_reference", c -> text(c.document().value()))
          .fixed("vendor", c -> text(c.vendor()))
          .fixed("vendor_job", c -> text(c.job().reference()))
          .fixed("vendor_subject", c -> text(c.job().subject().orElse(null)))
          .fixed("selfie_file_id", c -> text(c.selfie().value()))
          .column("status", c -> text(c.status().code()))
          .column("result", c -> text(c.result().map(KycCheck.Result::code).orElse(null)))
          .column("findings", c -> JsonColumns.findings(c.findings()))
          .fixed("submitted_at", c -> timestamp(c.submittedAt()))
          .column("decided_at", c -> timestamp(c.decidedAt().orElse(null)))
          .fixed("deadline", c -> timestamp(c.deadline()));

  private static final String SELECT = COLUMNS.select();
  private static final String NEWEST_FIRST = " ORDER BY submitted_at DESC, id DESC";

  private static final RowMapper<KycCheck> MAPPER =
      (rs, ctx) ->
          KycCheck.restore(
                  new KycCheckId(rs.getString("id")),
                  new CustomerId(rs.getString("customer_id")),
                  new KycReference(rs.getString("document_reference")),
                  rs.getString("vendor"),
                  new VendorJob(
                      rs.getString("vendor_job"),
                      Optional.ofNullable(rs.getString("vendor_subject"))),
                  new FileId(rs.getString("selfie_file_id")),
                  SqlTypes.instant(rs, "submitted_at"))
              .status(KycCheck.Status.fromCode(rs.getString("status")))
              .result(
                  Optional.ofNullable(rs.getString("result"))
                      .map(KycCheck.Result::fromCode)
                      .orElse(null))
              .findings(JsonColumns.findings(rs.getString("findings")))
              .decidedAt(SqlTypes.instant(rs, "decided_at"))
              .deadline(SqlTypes.instant(rs, "deadline"))
              .version(rs.getLong("version"))
              .build();

  private final JdbiUnitOfWork db;

  public JdbiKycChecks(JdbiUnitOfWork db) {
    this.db = db;
  }

  @Override
  public KycCheck insert(KycCheck check) {
    db.withHandle(h -> COLUMNS.bindNew(h.createUpdate(COLUMNS.insert()), check).execute());
    return check.atVersion(1);
  }

  @Override
  public KycCheck update(KycCheck changed) {
    EventRows.versioned(
        db, COLUMNS.update(), s -> COLUMNS.bindChange(s, changed, changed.version()), List.of());
    return changed.atVersion(changed.version() + 1);
  }

  @Override
  public Optional<KycCheck> find(KycCheckId id) {
    return one(" WHERE id = :value", id.value());
  }

  @Override
  public Optional<KycCheck> findByJob(String vendor, String reference) {
    return db.withHandle(
        h ->
            h.createQuery(SELECT + " WHERE vendor = :vendor AND vendor_job = :reference")
                .bind("vendor", text(vendor))
                .bind("reference", text(reference))
                .map(MAPPER)
                .findOne());
  }

  @Override
  public Optional<KycCheck> findPending(CustomerId customer) {
    return one(" WHERE customer_id = :value AND status = 'pending'", customer.value());
  }

  @Override
  public List<KycCheck> ofCustomer(CustomerId customer, int max) {
    return db.withHandle(
        h ->
            h.createQuery(SELECT + " WHERE customer_id = :customer" + NEWEST_FIRST + " LIMIT :max")
                .bind("customer", text(customer.value()))
                .bind("max", integer(max))
                .map(MAPPER)
                .list());
  }

  @Override
  public Optional<String> subject(CustomerId customer, String vendor) {
    return db.withHandle(
        h ->
            h.createQuery(
                    "SELECT vendor_subject FROM kyc_check WHERE customer_id = :customer"
                        + " AND vendor = :vendor AND vendor_subject IS NOT NULL"
                        + NEWEST_FIRST
                        + " LIMIT 1")
                .bind("customer", text(customer.value()))
                .bind("vendor", text(vendor))
                .mapTo(String.class)
                .findOne());
  }

  /** The check {@code where} finds, its one parameter {@code :value}. */
  private Optional<KycCheck> one(String where, String value) {
    return db.withHandle(
        h -> h.createQuery(SELECT + where).bind("value", text(value)).map(MAPPER).findOne());
  }
}
