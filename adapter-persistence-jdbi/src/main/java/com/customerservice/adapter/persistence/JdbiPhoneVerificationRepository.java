package com.customerservice.adapter.persistence;

import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.customer.PhoneNumber;
import com.customerservice.domain.error.ConflictException;
import com.customerservice.domain.port.PhoneVerificationRepository;
import com.customerservice.domain.verification.PhoneVerificationSession;
import com.customerservice.domain.verification.SessionId;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Verification sessions in PostgreSQL, shared by every instance of the service so that the rate
 * limits hold across all of them.
 */
public final class JdbiPhoneVerificationRepository implements PhoneVerificationRepository {
  private static final String COLUMNS =
      "id, phone, code_hash, created_at, expires_at, wrong_codes, state, customer_id, version";

  private static final RowMapper<PhoneVerificationSession> MAPPER =
      (rs, ctx) -> {
        String customer = rs.getString("customer_id");
        return PhoneVerificationSession.restore(
            new SessionId(rs.getString("id")),
            new PhoneNumber(rs.getString("phone")),
            rs.getBytes("code_hash"),
            SqlTypes.instant(rs, "created_at"),
            SqlTypes.instant(rs, "expires_at"),
            rs.getInt("wrong_codes"),
            PhoneVerificationSession.State.valueOf(rs.getString("state").toUpperCase(Locale.ROOT)),
            customer == null ? null : new CustomerId(customer),
            rs.getLong("version"));
      };

  private final JdbiUnitOfWork db;

  public JdbiPhoneVerificationRepository(JdbiUnitOfWork db) {
    this.db = db;
  }

  @Override
  public List<Instant> initiationsSince(PhoneNumber phone, Instant since) {
    return db.withHandle(
        h -> {
          // Serialises initiations for one phone across every instance until the transaction
          // ends, so that two requests cannot both pass the limit check before either inserts.
          h.createQuery("SELECT pg_advisory_xact_lock(hashtextextended(:phone, 0))")
              .bind("phone", phone.e164())
              .mapTo(String.class)
              .one();
          return h.createQuery(
                  "SELECT created_at FROM phone_verification_session"
                      + " WHERE phone = :phone AND created_at > :since ORDER BY created_at")
              .bind("phone", phone.e164())
              .bind("since", SqlTypes.utc(since))
              .map((rs, ctx) -> SqlTypes.instant(rs, "created_at"))
              .list();
        });
  }

  @Override
  public void insert(PhoneVerificationSession s) {
    db.withHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO phone_verification_session ("
                        + COLUMNS
                        + ") VALUES (:id, :phone,"
                        + " :code_hash, :created_at, :expires_at, :wrong_codes, :state,"
                        + " :customer_id, 1)")
                .bind("id", s.id().value())
                .bind("phone", s.phone().e164())
                .bind("code_hash", s.codeHash())
                .bind("created_at", SqlTypes.utc(s.createdAt()))
                .bind("expires_at", SqlTypes.utc(s.expiresAt()))
                .bind("wrong_codes", s.wrongCodes())
                .bind("state", stateCode(s))
                .bind("customer_id", s.customerId().map(CustomerId::value).orElse(null))
                .execute());
  }

  @Override
  public PhoneVerificationSession update(PhoneVerificationSession s) {
    int rows =
        db.withHandle(
            h ->
                h.createUpdate(
                        "UPDATE phone_verification_session SET wrong_codes = :wrong_codes,"
                            + " state = :state, customer_id = :customer_id, version = version + 1"
                            + " WHERE id = :id AND version = :version")
                    .bind("id", s.id().value())
                    .bind("wrong_codes", s.wrongCodes())
                    .bind("state", stateCode(s))
                    .bind("customer_id", s.customerId().map(CustomerId::value).orElse(null))
                    .bind("version", s.version())
                    .execute());
    if (rows != 1) {
      throw ConflictException.concurrentModification();
    }
    return s.atVersion(s.version() + 1);
  }

  @Override
  public Optional<PhoneVerificationSession> find(SessionId id) {
    return db.withHandle(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM phone_verification_session WHERE id = :id")
                .bind("id", id.value())
                .map(MAPPER)
                .findOne());
  }

  @Override
  public void delete(SessionId id) {
    db.withHandle(
        h ->
            h.createUpdate("DELETE FROM phone_verification_session WHERE id = :id")
                .bind("id", id.value())
                .execute());
  }

  private static String stateCode(PhoneVerificationSession s) {
    return s.state().name().toLowerCase(Locale.ROOT);
  }
}
