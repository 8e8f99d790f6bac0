package com.customerservice.adapter.persistence;

import com.customerservice.domain.error.ConflictException;
import com.customerservice.domain.error.DependencyUnavailableException;
import com.customerservice.domain.error.DomainException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.jdbi.v3.core.ConnectionException;

/** Turns what the database said into what the domain means, in one place. */
final class DatabaseErrors {
  static final String ACTIVE_PHONE_KEY = "customer_active_phone_key";

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
    if ("23505".equals(state) && String.valueOf(sql.getMessage()).contains(ACTIVE_PHONE_KEY)) {
      return ConflictException.phoneNumberTaken();
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

  static DependencyUnavailableException unavailable(RuntimeException cause) {
    return new DependencyUnavailableException(
        "database_unavailable", "The database is unavailable; try again shortly", cause);
  }
}
