package com.customerservice.adapter.persistence;

import static com.customerservice.adapter.persistence.SqlArguments.text;
import static com.customerservice.adapter.persistence.SqlArguments.timestamp;

import com.customerservice.domain.console.ConsoleSession;
import com.customerservice.domain.port.ConsoleSessionStore;
import java.time.Instant;
import java.util.Optional;

/** Console sessions in {@code console_session}, one row per session, keyed by its token's hash. */
public final class JdbiConsoleSessions implements ConsoleSessionStore {
  private final JdbiUnitOfWork db;

  public JdbiConsoleSessions(JdbiUnitOfWork db) {
    this.db = db;
  }

  @Override
  public void create(ConsoleSession session) {
    db.withHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO console_session (token_hash, key_name, csrf_token, created_at,"
                        + " expires_at, revoked) VALUES (:token_hash, :key_name, :csrf_token,"
                        + " :created_at, :expires_at, :revoked)")
                .bind("token_hash", text(session.tokenHash()))
                .bind("key_name", text(session.keyName()))
                .bind("csrf_token", text(session.csrfToken()))
                .bind("created_at", timestamp(session.createdAt()))
                .bind("expires_at", timestamp(session.expiresAt()))
                .bind("revoked", session.revoked())
                .execute());
  }

  @Override
  public Optional<ConsoleSession> findByTokenHash(String tokenHash) {
    return db.withHandle(
        h ->
            h.createQuery(
                    "SELECT token_hash, key_name, csrf_token, created_at, expires_at, revoked"
                        + " FROM console_session WHERE token_hash = :token_hash")
                .bind("token_hash", text(tokenHash))
                .map(
                    (rs, ctx) ->
                        new ConsoleSession(
                            rs.getString("token_hash"),
                            rs.getString("key_name"),
                            rs.getString("csrf_token"),
                            SqlTypes.instant(rs, "created_at"),
                            SqlTypes.instant(rs, "expires_at"),
                            rs.getBoolean("revoked")))
                .findOne());
  }

  @Override
  public void revoke(String tokenHash) {
    db.withHandle(
        h ->
            h.createUpdate("UPDATE console_session SET revoked = true WHERE token_hash = :hash")
                .bind("hash", text(tokenHash))
                .execute());
  }

  @Override
  public int deleteExpired(Instant now, int max) {
    return db.withHandle(
        h ->
            h.createUpdate(
                    "DELETE FROM console_session WHERE ctid = ANY (ARRAY(SELECT ctid FROM"
                        + " console_session WHERE expires_at <= :now LIMIT :max))")
                .bind("now", timestamp(now))
                .bind("max", max)
                .execute());
  }
}
