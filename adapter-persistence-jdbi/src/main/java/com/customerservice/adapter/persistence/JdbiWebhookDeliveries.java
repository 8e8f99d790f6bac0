package com.customerservice.adapter.persistence;

import static com.customerservice.adapter.persistence.SqlArguments.text;
import static com.customerservice.adapter.persistence.SqlArguments.timestamp;

import com.customerservice.domain.event.EventId;
import com.customerservice.domain.event.EventType;
import com.customerservice.domain.port.WebhookDeliveryRepository;
import com.customerservice.domain.shared.Coded;
import com.customerservice.domain.webhook.DeliveryAttempt;
import com.customerservice.domain.webhook.DeliveryError;
import com.customerservice.domain.webhook.DeliveryId;
import com.customerservice.domain.webhook.DeliveryPage;
import com.customerservice.domain.webhook.WebhookDelivery;
import com.customerservice.domain.webhook.WebhookEndpointId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Deliveries in {@code webhook_delivery}, each try a row of {@code webhook_delivery_attempt}: a try
 * is only ever added, so the log of a delivery reads as it happened.
 */
public final class JdbiWebhookDeliveries implements WebhookDeliveryRepository {
  private static final String INSERT =
      "INSERT INTO webhook_delivery (id, endpoint_id, event_id, event_type, status,"
          + " next_attempt_at, created_at) VALUES (:id, :endpoint_id, :event_id, :event_type,"
          + " :status, :next_attempt_at, :created_at)";

  private final JdbiUnitOfWork db;

  public JdbiWebhookDeliveries(JdbiUnitOfWork db) {
    this.db = db;
  }

  @Override
  public void insert(List<WebhookDelivery> deliveries) {
    if (deliveries.isEmpty()) {
      return;
    }
    db.withHandle(
        h -> {
          PreparedBatch batch = h.prepareBatch(INSERT);
          for (WebhookDelivery d : deliveries) {
            batch
                .bind("id", text(d.id().value()))
                .bind("endpoint_id", text(d.endpointId().value()))
                .bind("event_id", text(d.eventId().value()))
                .bind("event_type", text(d.eventType().code()))
                .bind("status", text(d.status().code()))
                .bind("next_attempt_at", timestamp(d.nextAttemptAt().orElse(null)))
                .bind("created_at", timestamp(d.createdAt()))
                .add();
          }
          batch.execute();
          return null;
        });
  }

  @Override
  public void update(WebhookDelivery d) {
    db.withHandle(
        h -> {
          int stored =
              h.createQuery("SELECT count(*) FROM webhook_delivery_attempt WHERE delivery_id = :id")
                  .bind("id", text(d.id().value()))
                  .mapTo(Integer.class)
                  .one();
          List<DeliveryAttempt> attempts = d.attempts();
          for (int n = stored; n < attempts.size(); n++) {
            DeliveryAttempt a = attempts.get(n);
            h.createUpdate(
                    "INSERT INTO webhook_delivery_attempt (delivery_id, number, attempted_at,"
                        + " status_code, duration_ms, error, response_excerpt, requested_delay_ms)"
                        + " VALUES (:id, :number, :attempted_at, :status_code, :duration_ms,"
                        + " :error, :excerpt, :requested_delay_ms)")
                .bind("id", text(d.id().value()))
                .bind("number", n + 1)
                .bind("attempted_at", timestamp(a.attemptedAt()))
                .bind(
                    "status_code",
                    a.statusCode().isPresent() ? (Integer) a.statusCode().getAsInt() : null)
                .bind("duration_ms", (int) Math.min(Integer.MAX_VALUE, a.duration().toMillis()))
                .bind("error", text(a.error().map(DeliveryError::code).orElse(null)))
                .bind("excerpt", text(a.responseExcerpt()))
                .bind("requested_delay_ms", a.requestedDelay().map(Duration::toMillis).orElse(null))
                .execute();
          }
          int rows =
              h.createUpdate(
                      "UPDATE webhook_delivery SET status = :status,"
                          + " next_attempt_at = :next_attempt_at WHERE id = :id")
                  .bind("id", text(d.id().value()))
                  .bind("status", text(d.status().code()))
                  .bind("next_attempt_at", timestamp(d.nextAttemptAt().orElse(null)))
                  .execute();
          if (rows != 1) {
            throw new IllegalStateException("delivery " + d.id() + " is not stored");
          }
          return null;
        });
  }

  @Override
  public Optional<WebhookDelivery> find(DeliveryId id) {
    return db
        .withHandle(
            h -> load(h, "SELECT * FROM webhook_delivery WHERE id = :id", Map.of("id", id.value())))
        .stream()
        .findFirst();
  }

  @Override
  public DeliveryPage page(DeliveryPage.Query query) {
    String sql =
        "SELECT * FROM webhook_delivery WHERE endpoint_id = :endpoint"
            + (query.after().isPresent() ? " AND (created_at, id) < (:cursor_at, :cursor_id)" : "")
            + " ORDER BY created_at DESC, id DESC LIMIT :limit";
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("endpoint", query.endpoint().value());
    params.put("limit", query.limit() + 1);
    query
        .after()
        .ifPresent(
            c -> {
              params.put("cursor_at", SqlTypes.utc(c.createdAt()));
              params.put("cursor_id", c.id());
            });
    return DeliveryPage.fromOverfetch(db.withHandle(h -> load(h, sql, params)), query.limit());
  }

  /**
   * The deliveries {@code sql} selects (ordered newest first), each with its tries, in one
   * statement: one snapshot, so a delivery is never read with a try its status does not yet reflect
   * (two statements could straddle the commit of a try).
   */
  private static List<WebhookDelivery> load(Handle h, String sql, Map<String, Object> params) {
    var select =
        h.createQuery(
            "WITH d AS ("
                + sql
                + ") SELECT d.*, a.number AS try_number, a.attempted_at AS try_at,"
                + " a.status_code AS try_status, a.duration_ms AS try_duration_ms,"
                + " a.error AS try_error, a.response_excerpt AS try_excerpt,"
                + " a.requested_delay_ms AS try_requested_delay_ms"
                + " FROM d LEFT JOIN webhook_delivery_attempt a ON a.delivery_id = d.id"
                + " ORDER BY d.created_at DESC, d.id DESC, a.number");
    params.forEach(select::bind);
    return select.reduceResultSet(new Loaded(), Loaded::add).deliveries();
  }

  /** Rows of deliveries joined with their tries, gathered back into deliveries in their order. */
  private static final class Loaded {
    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final Map<String, List<DeliveryAttempt>> tries = new LinkedHashMap<>();

    Loaded add(ResultSet rs, StatementContext ctx) throws SQLException {
      String id = rs.getString("id");
      if (!rows.containsKey(id)) {
        rows.put(id, Row.of(rs));
        tries.put(id, new ArrayList<>());
      }
      rs.getInt("try_number");
      if (!rs.wasNull()) {
        tries.get(id).add(attempt(rs));
      }
      return this;
    }

    List<WebhookDelivery> deliveries() {
      return rows.values().stream().map(r -> r.toDomain(tries.get(r.id()))).toList();
    }
  }

  private static DeliveryAttempt attempt(ResultSet rs) throws SQLException {
    int status = rs.getInt("try_status");
    OptionalInt code = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(status);
    long delay = rs.getLong("try_requested_delay_ms");
    Optional<Duration> requested =
        rs.wasNull() ? Optional.empty() : Optional.of(Duration.ofMillis(delay));
    return new DeliveryAttempt(
        SqlTypes.instant(rs, "try_at"),
        code,
        Duration.ofMillis(rs.getInt("try_duration_ms")),
        Optional.ofNullable(rs.getString("try_error"))
            .map(e -> Coded.parse(DeliveryError.values(), e, "error")),
        rs.getString("try_excerpt"),
        requested);
  }

  private record Row(
      String id,
      String endpointId,
      String eventId,
      String eventType,
      String status,
      Instant nextAttemptAt,
      Instant createdAt) {
    static Row of(ResultSet rs) throws SQLException {
      return new Row(
          rs.getString("id"),
          rs.getString("endpoint_id"),
          rs.getString("event_id"),
          rs.getString("event_type"),
          rs.getString("status"),
          SqlTypes.instant(rs, "next_attempt_at"),
          SqlTypes.instant(rs, "created_at"));
    }

    WebhookDelivery toDomain(List<DeliveryAttempt> attempts) {
      return WebhookDelivery.restore(
          new DeliveryId(id),
          new WebhookEndpointId(endpointId),
          new EventId(eventId),
          Coded.parse(EventType.values(), eventType, "event_type"),
          Coded.parse(WebhookDelivery.Status.values(), status, "status"),
          attempts,
          nextAttemptAt,
          createdAt);
    }
  }
}
