package com.customerservice.domain.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A person signed in to the back-office console with an API key: kept by the SHA-256 of the random
 * token their browser holds (so a copy of the store opens no session), the key's name (who acts),
 * the token every form of the session must carry, and its lifetime.
 */
public record ConsoleSession(
    String tokenHash,
    String keyName,
    String csrfToken,
    Instant createdAt,
    Instant expiresAt,
    boolean revoked) {
  /** How long a session lasts from sign-in: a working day; signing out ends it sooner. */
  public static final Duration LIFETIME = Duration.ofHours(8);

  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

  public ConsoleSession {
    Objects.requireNonNull(tokenHash, "tokenHash");
    Objects.requireNonNull(keyName, "keyName");
    Objects.requireNonNull(csrfToken, "csrfToken");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    if (!HASH.matcher(tokenHash).matches()) {
      throw new IllegalArgumentException("a session's token hash is 64 hexadecimal digits");
    }
    if (csrfToken.length() < 32) {
      throw new IllegalArgumentException("a session's form token has at least 32 characters");
    }
    if (!expiresAt.isAfter(createdAt)) {
      throw new IllegalArgumentException("a session expires after it is created");
    }
  }

  /** A new session for {@code keyName}, from {@code now} for {@link #LIFETIME}. */
  public static ConsoleSession start(
      String tokenHash, String keyName, String csrfToken, Instant now) {
    return new ConsoleSession(tokenHash, keyName, csrfToken, now, now.plus(LIFETIME), false);
  }

  /** Whether the session still opens the console at {@code now}: not signed out, not expired. */
  public boolean isLiveAt(Instant now) {
    return !revoked && now.isBefore(expiresAt);
  }

  /** The hexadecimal SHA-256 of a session's token: what a store keeps and looks sessions up by. */
  public static String hashOf(String token) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }

  @Override
  public String toString() {
    return "ConsoleSession["
        + keyName
        + ", until "
        + expiresAt
        + (revoked ? ", revoked" : "")
        + "]";
  }
}
