package com.customerservice.adapter.persistence;

import static com.customerservice.adapter.persistence.SqlArguments.text;

import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.event.Actor;
import com.customerservice.domain.event.CustomerEvent;
import com.customerservice.domain.event.EventData;
import com.customerservice.domain.event.EventFilter;
import com.customerservice.domain.event.EventId;
import com.customerservice.domain.event.EventPage;
import com.customerservice.domain.event.EventQuery;
import com.customerservice.domain.event.EventType;
import com.customerservice.domain.port.EventLog;
import com.customerservice.domain.shared.Coded;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The event log in {@code customer_event}: appended in the caller's transaction, read newest first
 * by keyset; each event also enters {@code event_outbox}, and dispatch takes events by deleting
 * their outbox rows, so that relays on several instances never take the same event and the audit
 * rows are never updated.
 */
public final class JdbiEventLog implements EventLog {
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
  private static final String COLUMNS = EventRows.COLUMNS;
  // No FOR UPDATE SKIP LOCKED: it would write a lock record per event to the write-ahead log.
  // Relays run one at a time (the scheduler's recurring task); if two ever overlap, the second's
  // DELETE waits for the first and skips the rows it deleted, so each event is still taken once.
  private static final String TAKE =
      "WITH taken AS (DELETE FROM event_outbox WHERE ctid = ANY (ARRAY(SELECT ctid FROM"
          + " event_outbox LIMIT :max)) RETURNING event_id)"
          + " SELECT "
          + COLUMNS
          + " FROM customer_event JOIN taken ON customer_event.id = taken.event_id";

  private static final RowMapper<CustomerEvent> MAPPER =
      (rs, ctx) ->
          new CustomerEvent(
              new EventId(rs.getString("id")),
              Coded.parse(EventType.values(), rs.getString("type"), "type"),
              new CustomerId(rs.getString("customer_id")),
              SqlTypes.instant(rs, "created_at"),
              data(rs.getString("data")),
              new Actor(
                  Coded.parse(Actor.Type.values(), rs.getString("actor_type"), "actor_type"),
                  rs.getString("actor_name")),
              Optional.ofNullable(rs.getString("request_id")));

  private final JdbiUnitOfWork db;

  public JdbiEventLog(JdbiUnitOfWork db) {
    this.db = db;
  }

  @Override
  public void append(List<CustomerEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    db.withHandle(
        h ->
            EventRows.bind(h.createUpdate(EventRows.after("SELECT 1", events.size())), events)
                .execute());
  }

  @Override
  public Optional<CustomerEvent> find(EventId id) {
    return db.withHandle(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM customer_event WHERE id = :id")
                .bind("id", text(id.value()))
                .map(MAPPER)
                .findOne());
  }

  @Override
  public EventPage page(EventQuery query) {
    EventFilter filter = query.filter();
    NewestFirst page =
        new NewestFirst("SELECT " + COLUMNS + " FROM customer_event WHERE true")
            .and("type = :type", "type", filter.type() == null ? null : filter.type().code())
            .and(
                "customer_id = :customer_id",
                "customer_id",
                filter.customerId() == null ? null : filter.customerId().value())
            .and("created_at > :created_after", "created_after", filter.createdAfter())
            .and("created_at < :created_before", "created_before", filter.createdBefore());
    query.after().ifPresent(c -> page.after(c.createdAt(), c.id()));
    List<CustomerEvent> rows = db.withHandle(h -> page.list(h, query.limit(), MAPPER));
    return EventPage.fromOverfetch(rows, query.limit());
  }

  @Override
  public int skipUndispatched(int max) {
    if (!db.inTransaction()) {
      throw new IllegalStateException("events are taken for dispatch inside a unit of work");
    }
    return db.withHandle(
        h ->
            h.createUpdate(
                    "DELETE FROM event_outbox WHERE ctid = ANY (ARRAY(SELECT ctid FROM"
                        + " event_outbox LIMIT :max))")
                .bind("max", max)
                .execute());
  }

  @Override
  public List<CustomerEvent> takeUndispatched(int max) {
    if (!db.inTransaction()) {
      throw new IllegalStateException("events are taken for dispatch inside a unit of work");
    }
    List<CustomerEvent> taken =
        db.withHandle(h -> h.createQuery(TAKE).bind("max", max).map(MAPPER).list());
    return taken.stream().sorted(Comparator.comparing(CustomerEvent::createdAt)).toList();
  }

  private static EventData data(String json) {
    return EventData.restore(JsonColumns.read(json, MAP));
  }
}
