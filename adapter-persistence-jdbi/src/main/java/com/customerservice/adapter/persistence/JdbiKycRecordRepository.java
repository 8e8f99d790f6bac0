package com.customerservice.adapter.persistence;

import com.customerservice.adapter.persistence.crypto.SensitiveColumns;
import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.file.FileId;
import com.customerservice.domain.kyc.DocumentExtraction;
import com.customerservice.domain.kyc.KycDocument;
import com.customerservice.domain.kyc.KycReference;
import com.customerservice.domain.kyc.SelfieAttempt;
import com.customerservice.domain.kyc.SelfieResult;
import com.customerservice.domain.port.KycRecordRepository;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;

/** Accepted identity documents (id number encrypted) and every selfie checked against them. */
public final class JdbiKycRecordRepository implements KycRecordRepository {
  private static final String TABLE = "kyc_document";

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
    Optional<DocumentExtraction> read = d.extraction();
    String reference = d.reference().value();
    db.withHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO kyc_document (reference, customer_id, document_type, given_names,"
                        + " surname, date_of_birth, id_number, issued_at, expires_at, address,"
                        + " front_file_id, back_file_id, vendor_job_id, created_at) VALUES"
                        + " (:reference, :customer_id, :document_type, :given_names, :surname,"
                        + " :date_of_birth, :id_number, :issued_at, :expires_at, :address,"
                        + " :front_file_id, :back_file_id, :vendor_job_id, :created_at)")
                .bind("reference", reference)
                .bind("customer_id", d.customerId().value())
                .bind("document_type", d.documentType())
                .bind("given_names", read.map(DocumentExtraction::givenNames).orElse(null))
                .bind("surname", read.map(DocumentExtraction::surname).orElse(null))
                .bind("date_of_birth", read.map(DocumentExtraction::dateOfBirth).orElse(null))
                .bind(
                    "id_number",
                    read.map(e -> sensitive.seal(e.idNumber(), TABLE, reference, "id_number"))
                        .orElse(null))
                .bind("issued_at", read.map(DocumentExtraction::issuedAt).orElse(null))
                .bind("expires_at", read.map(DocumentExtraction::expiresAt).orElse(null))
                .bind("address", read.map(DocumentExtraction::address).orElse(null))
                .bind("front_file_id", d.front().value())
                .bind("back_file_id", d.back().map(FileId::value).orElse(null))
                .bind("vendor_job_id", d.vendorJobId())
                .bind("created_at", SqlTypes.utc(d.createdAt()))
                .execute());
  }

  @Override
  public Optional<KycDocument> findDocument(KycReference reference) {
    return db.withHandle(
        h ->
            h.createQuery("SELECT * FROM kyc_document WHERE reference = :reference")
                .bind("reference", reference.value())
                .map(documentMapper)
                .findOne());
  }

  @Override
  public void saveSelfieAttempt(SelfieAttempt a) {
    db.withHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO selfie_attempt (reference, customer_id, result, selfie_file_id,"
                        + " vendor_job_id, attempted_at) VALUES (:reference, :customer_id, :result,"
                        + " :selfie_file_id, :vendor_job_id, :attempted_at)")
                .bind("reference", a.reference().value())
                .bind("customer_id", a.customerId().value())
                .bind("result", resultCode(a.result()))
                .bind("selfie_file_id", a.selfie().value())
                .bind("vendor_job_id", a.vendorJobId())
                .bind("attempted_at", SqlTypes.utc(a.attemptedAt()))
                .execute());
  }

  @Override
  public List<SelfieAttempt> selfieAttempts(KycReference reference) {
    return db.withHandle(
        h ->
            h.createQuery("SELECT * FROM selfie_attempt WHERE reference = :reference ORDER BY id")
                .bind("reference", reference.value())
                .map(
                    (rs, ctx) ->
                        new SelfieAttempt(
                            reference,
                            new CustomerId(rs.getString("customer_id")),
                            result(rs.getString("result")),
                            new FileId(rs.getString("selfie_file_id")),
                            rs.getString("vendor_job_id"),
                            SqlTypes.instant(rs, "attempted_at")))
                .list());
  }

  static String resultCode(SelfieResult result) {
    if (result instanceof SelfieResult.Match) {
      return "match";
    }
    if (result instanceof SelfieResult.NotLive) {
      return "not_live";
    }
    if (result instanceof SelfieResult.FaceMismatch) {
      return "face_mismatch";
    }
    return "processing_error";
  }

  static SelfieResult result(String code) {
    switch (code) {
      case "match":
        return new SelfieResult.Match();
      case "not_live":
        return new SelfieResult.NotLive();
      case "face_mismatch":
        return new SelfieResult.FaceMismatch();
      case "processing_error":
        return new SelfieResult.ProcessingError();
      default:
        throw new IllegalStateException("unknown selfie result in the database: " + code);
    }
  }
}
