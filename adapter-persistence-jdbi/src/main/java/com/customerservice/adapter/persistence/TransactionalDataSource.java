package com.customerservice.adapter.persistence;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The pool, as seen by a library that takes a {@link DataSource} (the persistent scheduler): inside
 * a unit of work it hands out that transaction's connection, so what the library writes commits or
 * rolls back with the use case; outside one, a connection of the pool as usual. The library must
 * not commit a connection whose auto-commit is off (db-scheduler's default).
 */
final class TransactionalDataSource implements DataSource {
  private final DataSource pool;
  private final JdbiUnitOfWork unitOfWork;

  TransactionalDataSource(DataSource pool, JdbiUnitOfWork unitOfWork) {
    this.pool = pool;
    this.unitOfWork = unitOfWork;
  }

  @Override
  public Connection getConnection() throws SQLException {
    var current = unitOfWork.currentConnection();
    return current.isPresent() ? unclosable(current.get()) : pool.getConnection();
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("the pool's credentials are fixed");
  }

  /** The transaction's connection, which the library's {@code close()} must leave open. */
  private static Connection unclosable(Connection connection) {
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              switch (method.getName()) {
                case "close":
                  return null;
                case "isClosed":
                  return false;
                default:
                  try {
                    return method.invoke(connection, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
              }
            });
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return pool.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    pool.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    pool.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return pool.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return pool.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    return pool.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return pool.isWrapperFor(type);
  }
}
