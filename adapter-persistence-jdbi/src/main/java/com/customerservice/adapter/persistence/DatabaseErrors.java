package com.customerservice.adapter.persistence;

import com.customerservice.domain.error.ConflictException;
import com.customerservice.domain.error.DependencyUnavailableException;
import com.customerservice.domain.error.DomainException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.function.Supplier;
import org.jdbi.v3.core.ConnectionException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Turns what the database said into what the domain means, in one place. */
final class DatabaseErrors {
  /** The unique keys whose violation the domain names, by the constraint's name. */
  private static final Map<String, Supplier<ConflictException>> UNIQUE_KEYS =
      Map.of(
          "customer_active_phone_key", ConflictException::phoneNumberTaken,
          // A second check waiting for a vendor, or a second case waiting for a person.
          "kyc_check_pending_key", ConflictException::kycCheckInProgress,
          "kyc_review_open_key", ConflictException::kycCheckInProgress);

  private DatabaseErrors() {}

  static RuntimeException translate(RuntimeException e) {
    if (e instanceof DomainException) {
      return e;
    }
    if (e instanceof ConnectionException) {
      return unavailable(e);
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLTransientConnectionException) {
        return unavailable(e);
      }
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        RuntimeException meaning = bySqlState(sql, e);
        if (meaning != null) {
          return meaning;
        }
      }
    }
    return e;
  }

  private static RuntimeException bySqlState(SQLException sql, RuntimeException original) {
    String state = sql.getSQLState();
    if ("23505".equals(state)) {
      Supplier<ConflictException> conflict = UNIQUE_KEYS.get(constraint(sql));
      if (conflict != null) {
        return conflict.get();
      }
    }
    if ("40001".equals(state) || "40P01".equals(state)) {
      return ConflictException.concurrentModification();
    }
    if (state.startsWith("08")
        || "57P01".equals(state)
        || "57P03".equals(state)
        || "53300".equals(state)) {
      return unavailable(original);
    }
    return null;
  }

  /** The constraint the server says was violated, or an empty name. */
  private static String constraint(SQLException sql) {
    ServerErrorMessage server =
        sql instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
    return server == null || server.getConstraint() == null ? "" : server.getConstraint();
  }

  static DependencyUnavailableException unavailable(RuntimeException cause) {
    return new DependencyUnavailableException(
        "database_unavailable", "The database is unavailable; try again shortly", cause);
  }
}
