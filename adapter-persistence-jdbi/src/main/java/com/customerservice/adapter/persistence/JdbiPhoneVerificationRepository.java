package com.customerservice.adapter.persistence;

import static com.customerservice.adapter.persistence.SqlArguments.bigint;
import static com.customerservice.adapter.persistence.SqlArguments.bytes;
import static com.customerservice.adapter.persistence.SqlArguments.integer;
import static com.customerservice.adapter.persistence.SqlArguments.text;
import static com.customerservice.adapter.persistence.SqlArguments.timestamp;

import com.customerservice.domain.customer.Customer;
import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.customer.PhoneNumber;
import com.customerservice.domain.error.ConflictException;
import com.customerservice.domain.event.CustomerEvent;
import com.customerservice.domain.port.PhoneVerificationRepository;
import com.customerservice.domain.verification.PhoneVerificationSession;
import com.customerservice.domain.verification.SessionId;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Update;

/**
 * Verification sessions in PostgreSQL, shared by every instance of the service so that the rate
 * limits hold across all of them. Each write takes as few round trips as its guarantee allows: a
 * new session three (lock, read and insert, commit), a completion or a change one.
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
                SqlTypes.instant(rs, "created_at"))
            .expiresAt(SqlTypes.instant(rs, "expires_at"))
            .wrongCodes(rs.getInt("wrong_codes"))
            .state(
                PhoneVerificationSession.State.valueOf(
                    rs.getString("state").toUpperCase(Locale.ROOT)))
            .customerId(customer == null ? null : new CustomerId(customer))
            .version(rs.getLong("version"))
            .build();
      };

  /**
   * Reads the earlier initiations and inserts the new session in one statement: the read does not
   * see the row its own statement inserts.
   */
  private static final String INSERT_RETURNING_EARLIER =
      "WITH earlier AS (SELECT created_at FROM phone_verification_session"
          + " WHERE phone = :phone AND created_at > :since),"
          + " inserted AS (INSERT INTO phone_verification_session ("
          + COLUMNS
          + ") VALUES (:id, :phone, :code_hash, :created_at, :expires_at, :wrong_codes, :state,"
          + " :customer_id, 1))"
          + " SELECT created_at FROM earlier";

  private static final String UPDATE =
      "UPDATE phone_verification_session SET wrong_codes = :wrong_codes, state = :state,"
          + " customer_id = :customer_id, version = version + 1"
          + " WHERE id = :session_id AND version = :session_version";

  /**
   * Completes the session and inserts its customer in one statement: the customer row is written
   * only when the versioned update found the session, and the phone's unique index refuses the
   * whole statement when the phone is taken.
   */
  private static final String COMPLETED = "completed AS (" + UPDATE + " RETURNING id)";

  private static final String CUSTOMER_OF_COMPLETED =
      "INSERT INTO customer ("
          + CustomerTable.INSERT_COLUMNS
          + ") SELECT "
          + CustomerTable.INSERT_VALUES
          + " FROM completed";

  private static final String COMPLETE = "WITH " + COMPLETED + " " + CUSTOMER_OF_COMPLETED;

  private final JdbiUnitOfWork db;
  private final JdbiCustomerRepository customers;

  /** {@code customers} binds the rows of the customers that sessions create. */
  public JdbiPhoneVerificationRepository(JdbiUnitOfWork db, JdbiCustomerRepository customers) {
    this.db = db;
    this.customers = customers;
  }

  @Override
  public void insert(PhoneVerificationSession s, Instant since, Consumer<List<Instant>> limit) {
    db.inTransaction(
        () ->
            db.withHandle(
                h -> {
                  // Serialises initiations for one phone across every instance until the
                  // transaction ends. It is its own statement so that the next one's snapshot
                  // sees every session committed by the previous holder of the lock.
                  h.createQuery("SELECT pg_advisory_xact_lock(hashtextextended(:phone, 0))")
                      .bind("phone", text(s.phone().e164()))
                      .map((rs, ctx) -> Boolean.TRUE)
                      .one();
                  List<Instant> earlier =
                      h.createQuery(INSERT_RETURNING_EARLIER)
                          .bind("id", text(s.id().value()))
                          .bind("phone", text(s.phone().e164()))
                          .bind("code_hash", bytes(s.codeHash()))
                          .bind("created_at", timestamp(s.createdAt()))
                          .bind("expires_at", timestamp(s.expiresAt()))
                          .bind("wrong_codes", integer(s.wrongCodes()))
                          .bind("state", text(stateCode(s)))
                          .bind("customer_id", text(customerId(s)))
                          .bind("since", timestamp(since))
                          .map((rs, ctx) -> SqlTypes.instant(rs, "created_at"))
                          .list();
                  limit.accept(earlier); // a refusal rolls the insert back
                  return null;
                }));
  }

  @Override
  public PhoneVerificationSession update(PhoneVerificationSession s) {
    int rows = db.withHandle(h -> bindChange(h.createUpdate(UPDATE), s).execute());
    if (rows != 1) {
      throw ConflictException.concurrentModification();
    }
    return s.atVersion(s.version() + 1);
  }

  @Override
  public void complete(
      PhoneVerificationSession completed, Customer created, List<CustomerEvent> events) {
    if (!completed.customerId().equals(Optional.of(created.id()))) {
      throw new IllegalArgumentException("the session was not completed for this customer");
    }
    int rows =
        db.withHandle(
            h ->
                EventRows.bind(
                        customers
                            .table()
                            .bindNew(
                                bindChange(
                                    h.createUpdate(
                                        events.isEmpty()
                                            ? COMPLETE
                                            : EventRows.after(
                                                COMPLETED,
                                                CUSTOMER_OF_COMPLETED + " RETURNING id",
                                                events.size())),
                                    completed),
                                created),
                        events)
                    .execute());
    if (rows != Math.max(1, events.size())) {
      throw ConflictException.concurrentModification();
    }
  }

  private static Update bindChange(Update statement, PhoneVerificationSession s) {
    return statement
        .bind("session_id", text(s.id().value()))
        .bind("wrong_codes", integer(s.wrongCodes()))
        .bind("state", text(stateCode(s)))
        .bind("customer_id", text(customerId(s)))
        .bind("session_version", bigint(s.version()));
  }

  @Override
  public Optional<PhoneVerificationSession> find(SessionId id) {
    return db.withHandle(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM phone_verification_session WHERE id = :id")
                .bind("id", text(id.value()))
                .map(MAPPER)
                .findOne());
  }

  @Override
  public void delete(SessionId id) {
    db.withHandle(
        h ->
            h.createUpdate("DELETE FROM phone_verification_session WHERE id = :id")
                .bind("id", text(id.value()))
                .execute());
  }

  private static String customerId(PhoneVerificationSession s) {
    return s.customerId().map(CustomerId::value).orElse(null);
  }

  private static String stateCode(PhoneVerificationSession s) {
    return s.state().name().toLowerCase(Locale.ROOT);
  }
}
