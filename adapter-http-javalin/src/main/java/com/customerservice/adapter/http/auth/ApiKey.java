package com.customerservice.adapter.http.auth;

import com.customerservice.domain.event.Actor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;

/**
 * One accepted API key: its name (the actor in the audit trail, never the secret), its scopes, and
 * the SHA-256 digest of its secret; the secret itself is not kept.
 */
public record ApiKey(String name, Set<Scope> scopes, byte[] secretDigest) {
  public ApiKey {
    Objects.requireNonNull(name, "name");
    if (!Actor.isValidName(name)) {
      throw new IllegalArgumentException(
          "an API key's name is 1 to 64 letters, digits, '.', '_' or '-'");
    }
    if (scopes.isEmpty()) {
      throw new IllegalArgumentException("an API key needs at least one scope");
    }
    scopes = Set.copyOf(scopes);
    if (secretDigest.length != 32) {
      throw new IllegalArgumentException("a SHA-256 digest is 32 bytes");
    }
    secretDigest = secretDigest.clone();
  }

  /** A key given with its secret, with every scope. */
  public static ApiKey allScopes(String name, String secret) {
    return new ApiKey(name, EnumSet.allOf(Scope.class), digest(secret));
  }

  /** A key given with its secret, with {@code scopes} only. */
  public static ApiKey of(String name, Set<Scope> scopes, String secret) {
    return new ApiKey(name, scopes, digest(secret));
  }

  /** A key given by the hexadecimal SHA-256 digest of its secret. */
  public static ApiKey ofDigest(String name, Set<Scope> scopes, String hexDigest) {
    return new ApiKey(name, scopes, HexFormat.of().parseHex(hexDigest));
  }

  @Override
  public byte[] secretDigest() {
    return secretDigest.clone();
  }

  boolean hasDigest(byte[] offered) {
    return MessageDigest.isEqual(secretDigest, offered);
  }

  static byte[] digest(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ApiKey that
        && name.equals(that.name)
        && scopes.equals(that.scopes)
        && Arrays.equals(secretDigest, that.secretDigest);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, scopes, Arrays.hashCode(secretDigest));
  }

  @Override
  public String toString() {
    return "ApiKey[" + name + ", " + scopes + "]";
  }
}
