package com.customerservice.adapter.persistence;

import static com.customerservice.adapter.persistence.SqlArguments.bytes;
import static com.customerservice.adapter.persistence.SqlArguments.integer;
import static com.customerservice.adapter.persistence.SqlArguments.text;
import static com.customerservice.adapter.persistence.SqlArguments.timestamp;

import com.customerservice.adapter.persistence.crypto.SensitiveColumns;
import com.customerservice.domain.idempotency.Claim;
import com.customerservice.domain.idempotency.IdempotentRequest;
import com.customerservice.domain.idempotency.StoredAnswer;
import com.customerservice.domain.port.FieldEncryption;
import com.customerservice.domain.port.IdempotencyStore;
import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Idempotency keys in {@code idempotency_key}. A claim is one upsert that takes the key only when
 * it is free (absent, expired, or a lapsed claim of the same request), so that on any number of
 * instances one runner holds a key; an answer or a release names the runner's token, so a runner
 * whose claim lapsed cannot overwrite its successor.
 */
public final class JdbiIdempotencyStore implements IdempotencyStore {
  private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};

  /**
   * Makes the statement's own commit asynchronous (it does not wait for the write-ahead log to
   * reach the disk): a record lost to a crash of the database itself only lets a retry run its
   * request again, as a lapsed claim does, while each keyed request is spared two disk flushes. The
   * change the request makes is committed by its own statements, synchronously as ever.
   */
  private static final String NO_FLUSH =
      "(SELECT set_config('synchronous_commit', 'off', true)) AS no_flush";

  private static final String CLAIM =
      "INSERT INTO idempotency_key AS k (scope, key, fingerprint, token, locked_until, expires_at)"
          + " SELECT :scope, :key, :fingerprint, :token, :locked_until, :expires_at FROM "
          + NO_FLUSH
          + " ON CONFLICT (scope, key) DO UPDATE SET fingerprint = EXCLUDED.fingerprint,"
          + " token = EXCLUDED.token, locked_until = EXCLUDED.locked_until,"
          + " expires_at = EXCLUDED.expires_at, status = NULL, headers = NULL, body = NULL,"
          + " rerender = NULL"
          + " WHERE k.expires_at <= :now OR (k.status IS NULL AND k.locked_until <= :now"
          + " AND k.fingerprint = EXCLUDED.fingerprint)"
          + " RETURNING token";

  private final JdbiUnitOfWork db;
  private final FieldEncryption cipher;

  public JdbiIdempotencyStore(JdbiUnitOfWork db, FieldEncryption cipher) {
    this.db = db;
    this.cipher = cipher;
  }

  private static String associatedData(IdempotentRequest r) {
    return SensitiveColumns.associatedData(
        "idempotency_key", r.scope() + "|" + r.key().value(), "body");
  }

  @Override
  public Claim claim(
      IdempotentRequest request, String token, Instant now, Instant claimUntil, Instant expiresAt) {
    Optional<String> granted =
        db.withHandle(
            h ->
                h.createQuery(CLAIM)
                    .bind("scope", text(request.scope()))
                    .bind("key", text(request.key().value()))
                    .bind("fingerprint", text(request.fingerprint()))
                    .bind("token", text(token))
                    .bind("locked_until", timestamp(claimUntil))
                    .bind("expires_at", timestamp(expiresAt))
                    .bind("now", timestamp(now))
                    .mapTo(String.class)
                    .findOne());
    if (granted.isPresent()) {
      return new Claim.Granted(granted.get());
    }
    // The key is held: say by what. (A row deleted meanwhile can only have expired: claim again.)
    return db.withHandle(
            h ->
                h.createQuery(
                        "SELECT fingerprint, status, headers, body, rerender FROM idempotency_key"
                            + " WHERE scope = :scope AND key = :key")
                    .bind("scope", text(request.scope()))
                    .bind("key", text(request.key().value()))
                    .map((rs, ctx) -> held(request, rs))
                    .findOne())
        .orElseGet(() -> claim(request, token, now, claimUntil, expiresAt));
  }

  private Claim held(IdempotentRequest request, java.sql.ResultSet rs)
      throws java.sql.SQLException {
    if (!rs.getString("fingerprint").equals(request.fingerprint())) {
      return new Claim.Reused();
    }
    int status = rs.getInt("status");
    if (rs.wasNull()) {
      return new Claim.InProgress();
    }
    Map<String, String> headers = headers(rs.getString("headers"));
    String rerender = rs.getString("rerender");
    return new Claim.Answered(
        rerender != null
            ? StoredAnswer.rerendered(status, headers, rerender)
            : StoredAnswer.of(
                status, headers, cipher.decrypt(rs.getBytes("body"), associatedData(request))));
  }

  @Override
  public void complete(IdempotentRequest request, String token, StoredAnswer answer) {
    db.withHandle(
        h ->
            h.createUpdate(
                    "UPDATE idempotency_key SET status = :status, headers = CAST(:headers AS"
                        + " jsonb), body = :body, rerender = :rerender FROM "
                        + NO_FLUSH
                        + " WHERE scope = :scope AND key = :key AND token = :token"
                        + " AND status IS NULL")
                .bind("status", integer(answer.status()))
                .bind("headers", text(JsonColumns.write(answer.headers())))
                .bind(
                    "body",
                    bytes(
                        answer.rerender().isPresent()
                            ? null
                            : cipher.encrypt(answer.body(), associatedData(request))))
                .bind("rerender", text(answer.rerender().orElse(null)))
                .bind("scope", text(request.scope()))
                .bind("key", text(request.key().value()))
                .bind("token", text(token))
                .execute());
  }

  @Override
  public void release(IdempotentRequest request, String token) {
    db.withHandle(
        h ->
            h.createUpdate(
                    "DELETE FROM idempotency_key WHERE scope = :scope AND key = :key"
                        + " AND token = :token AND status IS NULL")
                .bind("scope", text(request.scope()))
                .bind("key", text(request.key().value()))
                .bind("token", text(token))
                .execute());
  }

  @Override
  public int deleteExpired(Instant now, int max) {
    return db.withHandle(
        h ->
            h.createUpdate(
                    "DELETE FROM idempotency_key WHERE ctid = ANY (ARRAY(SELECT ctid FROM"
                        + " idempotency_key WHERE expires_at <= :now LIMIT :max))")
                .bind("now", timestamp(now))
                .bind("max", max)
                .execute());
  }

  private static Map<String, String> headers(String json) {
    return json == null ? Map.of() : JsonColumns.read(json, HEADERS);
  }
}
