package com.customerservice.adapter.persistence;

import static com.customerservice.adapter.persistence.SqlArguments.bytes;
import static com.customerservice.adapter.persistence.SqlArguments.text;
import static com.customerservice.adapter.persistence.SqlArguments.timestamp;

import com.customerservice.adapter.persistence.crypto.SensitiveColumns;
import com.customerservice.domain.idempotency.Claim;
import com.customerservice.domain.idempotency.IdempotentRequest;
import com.customerservice.domain.idempotency.KeptAnswer;
import com.customerservice.domain.port.FieldEncryption;
import com.customerservice.domain.port.IdempotencyStore;
import java.time.Instant;
import java.util.Optional;

/**
 * Idempotency keys in {@code idempotency_key}. A claim is one upsert that takes the key only when
 * it is free (absent, expired, or a lapsed claim of the same request), so that on any number of
 * instances one runner holds a key; an answer or a release names the runner's token, so a runner
 * whose claim lapsed cannot overwrite its successor.
 */
public final class JdbiIdempotencyStore implements IdempotencyStore {
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
          + " expires_at = EXCLUDED.expires_at, answer = NULL, body = NULL"
          + " WHERE k.expires_at <= :now OR (k.answer IS NULL AND k.locked_until <= :now"
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
                        "SELECT fingerprint, answer, body FROM idempotency_key"
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
    String answer = rs.getString("answer");
    if (answer == null) {
      return new Claim.InProgress();
    }
    byte[] body = rs.getBytes("body");
    return new Claim.Answered(
        new KeptAnswer(
            answer, body == null ? new byte[0] : cipher.decrypt(body, associatedData(request))));
  }

  @Override
  public void complete(IdempotentRequest request, String token, KeptAnswer answer) {
    db.withHandle(
        h ->
            h.createUpdate(
                    "UPDATE idempotency_key SET answer = :answer, body = :body FROM "
                        + NO_FLUSH
                        + " WHERE scope = :scope AND key = :key AND token = :token"
                        + " AND answer IS NULL")
                .bind("answer", text(answer.metadata()))
                .bind("body", bytes(cipher.encrypt(answer.body(), associatedData(request))))
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
                        + " AND token = :token AND answer IS NULL")
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
}
