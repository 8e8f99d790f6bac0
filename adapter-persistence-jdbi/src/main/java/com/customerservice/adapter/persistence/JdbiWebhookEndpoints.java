package com.customerservice.adapter.persistence;

import static com.customerservice.adapter.persistence.SqlArguments.bytes;
import static com.customerservice.adapter.persistence.SqlArguments.text;
import static com.customerservice.adapter.persistence.SqlArguments.timestamp;

import com.customerservice.adapter.persistence.crypto.SensitiveColumns;
import com.customerservice.domain.port.FieldEncryption;
import com.customerservice.domain.port.WebhookEndpointRepository;
import com.customerservice.domain.webhook.EnabledEvents;
import com.customerservice.domain.webhook.EndpointUrl;
import com.customerservice.domain.webhook.WebhookEndpoint;
import com.customerservice.domain.webhook.WebhookEndpointId;
import com.customerservice.domain.webhook.WebhookSecret;
import java.net.URI;
import java.sql.Array;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;

/** Webhook endpoints in {@code webhook_endpoint}, each secret sealed to its row. */
public final class JdbiWebhookEndpoints implements WebhookEndpointRepository {
  private static final String TABLE = "webhook_endpoint";
  private static final String SECRET = "secret";

  private final JdbiUnitOfWork db;
  private final FieldEncryption cipher;
  private final RowMapper<WebhookEndpoint> mapper;

  public JdbiWebhookEndpoints(JdbiUnitOfWork db, FieldEncryption cipher) {
    this.db = db;
    this.cipher = cipher;
    this.mapper =
        (rs, ctx) -> {
          String id = rs.getString("id");
          Array events = rs.getArray("enabled_events");
          List<String> codes = Arrays.asList((String[]) events.getArray());
          return WebhookEndpoint.restore(
              new WebhookEndpointId(id),
              new EndpointUrl(URI.create(rs.getString("url"))),
              EnabledEvents.parse(codes),
              WebhookSecret.parse(cipher.decryptText(rs.getBytes(SECRET), associatedData(id))),
              rs.getString("description"),
              SqlTypes.instant(rs, "created_at"),
              SqlTypes.instant(rs, "deleted_at"));
        };
  }

  private static String associatedData(String id) {
    return SensitiveColumns.associatedData(TABLE, id, SECRET);
  }

  /**
   * Held by a transaction that read the enabled endpoints (shared) or creates one (exclusive): the
   * relay's choice to let events go when no endpoint exists stands until it commits.
   */
  private static final String ENDPOINTS_LOCK = "hashtext('customer-service.webhook-endpoints')";

  @Override
  public void insert(WebhookEndpoint e) {
    String id = e.id().value();
    // One statement, so that the lock is held to its commit even outside a unit of work.
    db.withHandle(
        h ->
            h.createUpdate(
                    "WITH held AS (SELECT pg_advisory_xact_lock("
                        + ENDPOINTS_LOCK
                        + ")) INSERT INTO webhook_endpoint (id, url, enabled_events, secret,"
                        + " description, created_at, deleted_at) SELECT :id, :url, :enabled_events,"
                        + " :secret, :description, :created_at, :deleted_at FROM held")
                .bind("id", text(id))
                .bind("url", text(e.url().toString()))
                .bind("enabled_events", e.enabledEvents().codes().toArray(String[]::new))
                .bind("secret", bytes(cipher.encryptText(e.secret().reveal(), associatedData(id))))
                .bind("description", text(e.description().orElse(null)))
                .bind("created_at", timestamp(e.createdAt()))
                .bind("deleted_at", timestamp(e.deletedAt().orElse(null)))
                .execute());
  }

  @Override
  public void update(WebhookEndpoint e) {
    int rows =
        db.withHandle(
            h ->
                h.createUpdate(
                        "UPDATE webhook_endpoint SET deleted_at = :deleted_at WHERE id = :id")
                    .bind("id", text(e.id().value()))
                    .bind("deleted_at", timestamp(e.deletedAt().orElse(null)))
                    .execute());
    if (rows != 1) {
      throw new IllegalStateException("endpoint " + e.id() + " is not stored");
    }
  }

  @Override
  public Optional<WebhookEndpoint> find(WebhookEndpointId id) {
    return db.withHandle(
        h ->
            h.createQuery("SELECT * FROM webhook_endpoint WHERE id = :id")
                .bind("id", text(id.value()))
                .map(mapper)
                .findOne());
  }

  @Override
  public List<WebhookEndpoint> enabled() {
    return db.withHandle(
        h -> {
          if (db.inTransaction()) {
            h.createQuery("SELECT pg_advisory_xact_lock_shared(" + ENDPOINTS_LOCK + ")")
                .mapTo(String.class)
                .one();
          }
          return h.createQuery(
                  "SELECT * FROM webhook_endpoint WHERE deleted_at IS NULL ORDER BY created_at, id")
              .map(mapper)
              .list();
        });
  }
}
