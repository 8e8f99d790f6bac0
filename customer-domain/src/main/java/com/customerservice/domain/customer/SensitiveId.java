package com.customerservice.domain.customer;

import com.customerservice.domain.error.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A government identifier (national id number, NUIT tax id, NUIB) that must never be printed by
 * accident: {@code toString} masks it and only {@link #reveal()} gives the value. A storage adapter
 * may hand one out {@linkplain #deferred deferred}, so that a value is decrypted only when a use
 * case actually reads it.
 */
public final class SensitiveId {
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ./-]{0,63}");

  private final Supplier<String> source;
  private final Object storageRef;
  private volatile String value;

  private SensitiveId(String value, Supplier<String> source, Object storageRef) {
    this.value = value;
    this.source = source;
    this.storageRef = storageRef;
  }

  /** A validated identifier; {@code field} names it in the error when it is malformed. */
  public static SensitiveId of(String field, String value) {
    if (value == null) {
      throw InvalidValueException.missing(field);
    }
    String trimmed = value.strip();
    if (!SHAPE.matcher(trimmed).matches()) {
      throw InvalidValueException.invalid(
          field,
          field
              + " must be 1 to 64 letters, digits, spaces, '.', '/' or '-', starting with a letter"
              + " or digit");
    }
    return new SensitiveId(trimmed, null, null);
  }

  /** An identifier known to be valid, revealed by {@code reveal} on first use only. */
  public static SensitiveId deferred(Supplier<String> reveal) {
    return new SensitiveId(null, Objects.requireNonNull(reveal, "reveal"), null);
  }

  /**
   * A deferred identifier that remembers where a storage adapter read it from ({@code storageRef}
   * is opaque to the domain), so that writing it back unchanged needs no decryption.
   */
  public static SensitiveId stored(Object storageRef, Supplier<String> reveal) {
    return new SensitiveId(
        null,
        Objects.requireNonNull(reveal, "reveal"),
        Objects.requireNonNull(storageRef, "storageRef"));
  }

  /** Where a storage adapter read this identifier from, when it did. */
  public Optional<Object> storageRef() {
    return Optional.ofNullable(storageRef);
  }

  /** The clear value; call it only where the value is really needed. */
  public String reveal() {
    String current = value;
    if (current == null) {
      current = Objects.requireNonNull(source.get(), "a deferred identifier revealed null");
      value = current;
    }
    return current;
  }

  /** Whether the clear value has been produced (for adapters that avoid needless decryption). */
  public boolean isRevealed() {
    return value != null;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SensitiveId that
        && MessageDigest.isEqual(
            reveal().getBytes(StandardCharsets.UTF_8),
            that.reveal().getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return reveal().hashCode();
  }

  @Override
  public String toString() {
    return "***";
  }
}
