package com.customerservice.adapter.persistence;

import static com.customerservice.adapter.persistence.SqlArguments.bytes;
import static com.customerservice.adapter.persistence.SqlArguments.date;
import static com.customerservice.adapter.persistence.SqlArguments.text;
import static com.customerservice.adapter.persistence.SqlArguments.timestamp;

import com.customerservice.adapter.persistence.crypto.SensitiveColumns;
import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.file.FileId;
import com.customerservice.domain.kyc.DocumentExtraction;
import com.customerservice.domain.kyc.KycDocument;
import com.customerservice.domain.kyc.KycReference;
import com.customerservice.domain.port.KycRecordRepository;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Update;

/**
 * Accepted identity documents, with what their vendor read off them (the id number encrypted, bound
 * to its row), whether read at upload or later, in the selfie's job.
 */
public final class JdbiKycRecordRepository implements KycRecordRepository {
  private static final String TABLE = "kyc_document";

  /** The columns of a reading, absent together until the document is read. */
  private static final List<String> READING =
      List.of(
          "given_names",
          "surname",
          "date_of_birth",
          "id_number",
          "issued_at",
          "expires_at",
          "address");

  private static final String INSERT =
      "INSERT INTO kyc_document (reference, customer_id, document_type, "
          + String.join(", ", READING)
          + ", front_file_id, back_file_id, vendor_job_id, created_at) VALUES (:reference,"
          + " :customer_id, :document_type, "
          + READING.stream().map(c -> ":" + c).collect(Collectors.joining(", "))
          + ", :front_file_id, :back_file_id, :vendor_job_id, :created_at)";

  /** A reading kept only when none was: the first one a vendor gave stays. */
  private static final String RECORD_READING =
      "UPDATE kyc_document SET "
          + READING.stream().map(c -> c + " = :" + c).collect(Collectors.joining(", "))
          + " WHERE reference = :reference AND given_names IS NULL";

  private static final String EXISTS =
      "SELECT EXISTS (SELECT 1 FROM kyc_document WHERE reference = :reference)";

  private final JdbiUnitOfWork db;
  private final SensitiveColumns sensitive;
  private final RowMapper<KycDocument> documentMapper;

  public JdbiKycRecordRepository(JdbiUnitOfWork db, SensitiveColumns sensitive) {
    this.db = db;
    this.sensitive = sensitive;
    this.documentMapper =
        (rs, ctx) -> {
          String reference = rs.getString("reference");
          String back = rs.getString("back_file_id");
          return new KycDocument(
              new KycReference(reference),
              new CustomerId(rs.getString("customer_id")),
              rs.getString("document_type"),
              rs.getString("given_names") == null
                  ? Optional.empty()
                  : Optional.of(
                      new DocumentExtraction(
                          rs.getString("given_names"),
                          rs.getString("surname"),
                          SqlTypes.date(rs, "date_of_birth"),
                          sensitive.open(rs.getBytes("id_number"), TABLE, reference, "id_number"),
                          SqlTypes.date(rs, "issued_at"),
                          SqlTypes.date(rs, "expires_at"),
                          rs.getString("address"))),
              new FileId(rs.getString("front_file_id")),
              Optional.ofNullable(back).map(FileId::new),
              rs.getString("vendor_job_id"),
              SqlTypes.instant(rs, "created_at"));
        };
  }

  @Override
  public void saveDocument(KycDocument d) {
    db.withHandle(
        h ->
            bindReading(h.createUpdate(INSERT), d.reference(), d.extraction())
                .bind("customer_id", text(d.customerId().value()))
                .bind("document_type", text(d.documentType()))
                .bind("front_file_id", text(d.front().value()))
                .bind("back_file_id", text(d.back().map(FileId::value).orElse(null)))
                .bind("vendor_job_id", text(d.vendorJobId()))
                .bind("created_at", timestamp(d.createdAt()))
                .execute());
  }

  @Override
  public Optional<KycDocument> findDocument(KycReference reference) {
    return db.withHandle(
        h ->
            h.createQuery("SELECT * FROM kyc_document WHERE reference = :reference")
                .bind("reference", text(reference.value()))
                .map(documentMapper)
                .findOne());
  }

  @Override
  public Optional<KycDocument> latestDocument(CustomerId customer) {
    return db.withHandle(
        h ->
            h.createQuery(
                    "SELECT * FROM kyc_document WHERE customer_id = :customer"
                        + " ORDER BY created_at DESC, reference COLLATE \"C\" DESC LIMIT 1")
                .bind("customer", text(customer.value()))
                .map(documentMapper)
                .findOne());
  }

  @Override
  public void recordReading(KycReference reference, DocumentExtraction reading) {
    db.withHandle(
        h -> {
          int filled =
              bindReading(h.createUpdate(RECORD_READING), reference, Optional.of(reading))
                  .execute();
          if (filled == 0
              && !h.createQuery(EXISTS)
                  .bind("reference", text(reference.value()))
                  .mapTo(Boolean.class)
                  .one()) {
            throw new IllegalStateException("document " + reference + " is not stored");
          }
          return filled;
        });
  }

  /** Binds the document's reference and its reading, the id number sealed to that row. */
  private Update bindReading(
      Update statement, KycReference reference, Optional<DocumentExtraction> reading) {
    statement.bind("reference", text(reference.value()));
    statement.bind("given_names", text(part(reading, DocumentExtraction::givenNames)));
    statement.bind("surname", text(part(reading, DocumentExtraction::surname)));
    statement.bind("date_of_birth", date(part(reading, DocumentExtraction::dateOfBirth)));
    statement.bind("id_number", sealedIdNumber(reference, reading));
    statement.bind("issued_at", date(part(reading, DocumentExtraction::issuedAt)));
    statement.bind("expires_at", date(part(reading, DocumentExtraction::expiresAt)));
    return statement.bind("address", text(part(reading, DocumentExtraction::address)));
  }

  private Argument sealedIdNumber(KycReference reference, Optional<DocumentExtraction> reading) {
    return bytes(
        reading
            .map(e -> sensitive.seal(e.idNumber(), TABLE, reference.value(), "id_number"))
            .orElse(null));
  }

  private static <T> T part(
      Optional<DocumentExtraction> reading, Function<DocumentExtraction, T> part) {
    return reading.map(part).orElse(null);
  }
}
