package com.customerservice.adapter.persistence;

import com.customerservice.domain.port.UnitOfWork;
import java.sql.Connection;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * One database transaction per unit of work: the repositories called inside it share its
 * connection, so a failure anywhere rolls back everything the use case wrote. Calls outside a unit
 * of work each take a connection of their own (auto-commit).
 */
public final class JdbiUnitOfWork implements UnitOfWork {
  private final Jdbi jdbi;
  private final ThreadLocal<Handle> current = new ThreadLocal<>();

  public JdbiUnitOfWork(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    if (current.get() != null) {
      return work.get(); // joins the transaction already open on this thread
    }
    try (Handle handle = jdbi.open()) {
      current.set(handle);
      // PostgreSQL's default isolation (read committed) is the one the repositories are written
      // for; naming it here would cost a SHOW and two SETs per transaction in the driver.
      return handle.inTransaction(h -> work.get());
    } catch (RuntimeException e) {
      throw DatabaseErrors.translate(e);
    } finally {
      current.remove();
    }
  }

  /** Runs {@code work} on the current transaction's handle, or on a short-lived one. */
  <T> T withHandle(Function<Handle, T> work) {
    Handle handle = current.get();
    try {
      return handle != null ? work.apply(handle) : jdbi.withHandle(work::apply);
    } catch (RuntimeException e) {
      throw DatabaseErrors.translate(e);
    }
  }

  boolean inTransaction() {
    return current.get() != null;
  }

  /** The connection of the transaction open on this thread, if one is. */
  Optional<Connection> currentConnection() {
    return Optional.ofNullable(current.get()).map(Handle::getConnection);
  }
}
