package com.customerservice.domain.shared;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A position in a list ordered by a time, then the id: the last item a page showed. The next page
 * starts strictly after it, so rows inserted meanwhile never shift a page. For lists other than the
 * customers' (events and webhook deliveries, newest first by creation; reviews, which say in {@code
 * ReviewPage.Query} which time and which direction they are ordered by). {@code createdAt} is that
 * time.
 */
public record Keyset(Instant createdAt, String id) {
  public Keyset {
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(id, "id");
  }

  /** This position as text, for a page token. */
  public String position() {
    return createdAt.getEpochSecond() + "|" + createdAt.getNano() + "|" + id;
  }

  /** The position {@link #position()} wrote for an id of {@code kind}, or empty. */
  public static Optional<Keyset> fromPosition(String text, IdKind<?> kind) {
    String[] parts = text.split("\\|", -1);
    if (parts.length != 3 || kind.parse(parts[2]).isEmpty()) {
      return Optional.empty();
    }
    try {
      Instant at = Instant.ofEpochSecond(Long.parseLong(parts[0]), Integer.parseInt(parts[1]));
      return Optional.of(new Keyset(at, parts[2]));
    } catch (NumberFormatException | DateTimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether an item created at {@code at} with {@code itemId} comes after this position in a
   * newest-first list.
   */
  public boolean precedes(Instant at, String itemId) {
    int byTime = at.compareTo(createdAt);
    return byTime < 0 || (byTime == 0 && itemId.compareTo(id) < 0);
  }
}
