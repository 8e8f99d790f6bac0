package com.customerservice.adapter.persistence;

import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jdbi.v3.core.argument.Argument;

/**
 * Statement parameters of a fixed SQL type, for the statements every request runs. JDBI binds an
 * {@link Argument} as it is; any other value it first matches to an argument factory by its Java
 * type, a lookup that took about a tenth of the service's CPU in the profiles of PUT and of
 * onboarding.
 */
final class SqlArguments {
  private SqlArguments() {}

  static Argument text(String value) {
    return value == null
        ? (position, statement, context) -> statement.setNull(position, Types.VARCHAR)
        : (position, statement, context) -> statement.setString(position, value);
  }

  /**
   * A {@code json} value written by {@link JsonColumns}, sent as text of no declared type so that
   * the server reads it as the column's type.
   */
  static Argument json(String value) {
    return (position, statement, context) -> statement.setObject(position, value, Types.OTHER);
  }

  static Argument bytes(byte[] value) {
    return value == null
        ? (position, statement, context) -> statement.setNull(position, Types.BINARY)
        : (position, statement, context) -> statement.setBytes(position, value);
  }

  static Argument integer(int value) {
    return (position, statement, context) -> statement.setInt(position, value);
  }

  static Argument bigint(long value) {
    return (position, statement, context) -> statement.setLong(position, value);
  }

  /** A {@code timestamptz}, written in UTC so that no JVM time zone leaks in. */
  static Argument timestamp(Instant value) {
    return value == null
        ? (position, statement, context) ->
            statement.setNull(position, Types.TIMESTAMP_WITH_TIMEZONE)
        : (position, statement, context) ->
            statement.setObject(position, value.atOffset(ZoneOffset.UTC));
  }

  static Argument date(LocalDate value) {
    return value == null
        ? (position, statement, context) -> statement.setNull(position, Types.DATE)
        : (position, statement, context) -> statement.setObject(position, value);
  }
}
