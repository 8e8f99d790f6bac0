package com.customerservice.adapter.persistence;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

/**
 * A newest-first keyset page of a table ordered by {@code (created_at, id)}: optional filters, the
 * position after a cursor, one row more than the page to tell whether another follows. The SQL is
 * made of fixed fragments only; every value is a bound parameter.
 */
final class NewestFirst {
  private final StringBuilder sql;
  private final Map<String, Object> values = new LinkedHashMap<>();

  /** {@code selectWhere} ends in a {@code WHERE} clause the filters are added to with AND. */
  NewestFirst(String selectWhere) {
    this.sql = new StringBuilder(selectWhere);
  }

  /** Adds {@code condition}, which reads {@code :name}, unless {@code value} is null. */
  NewestFirst and(String condition, String name, Object value) {
    if (value != null) {
      sql.append(" AND ").append(condition);
      values.put(name, value instanceof Instant at ? SqlTypes.utc(at) : value);
    }
    return this;
  }

  /** Starts the page strictly after the row at {@code (createdAt, id)}. */
  NewestFirst after(Instant createdAt, String id) {
    sql.append(" AND (created_at, id) < (:cursor_at, :cursor_id)");
    values.put("cursor_at", SqlTypes.utc(createdAt));
    values.put("cursor_id", id);
    return this;
  }

  /** Up to {@code limit + 1} rows, newest first. */
  <T> List<T> list(Handle handle, int limit, RowMapper<T> mapper) {
    Query query =
        handle
            .createQuery(sql + " ORDER BY created_at DESC, id DESC LIMIT :limit")
            .bind("limit", limit + 1);
    values.forEach(query::bind);
    return query.map(mapper).list();
  }
}
