package com.customerservice.domain.customer;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A position in the newest-first customer list: the last customer a page showed. The next page
 * starts strictly after it in {@code (createdAt desc, id desc)} order, so rows inserted meanwhile
 * never shift a page.
 */
public record PageCursor(Instant createdAt, CustomerId id) {
  public PageCursor {
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(id, "id");
  }

  /** This position as text, for a page token. */
  public String position() {
    return createdAt.getEpochSecond() + "|" + createdAt.getNano() + "|" + id.value();
  }

  /** The position {@link #position()} wrote, or empty when {@code text} is not one. */
  public static Optional<PageCursor> fromPosition(String text) {
    String[] parts = text.split("\\|", -1);
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      Instant at = Instant.ofEpochSecond(Long.parseLong(parts[0]), Integer.parseInt(parts[1]));
      return CustomerId.KIND.parse(parts[2]).map(id -> new PageCursor(at, id));
    } catch (NumberFormatException | DateTimeException e) {
      return Optional.empty();
    }
  }

  public static PageCursor after(Customer customer) {
    return new PageCursor(customer.createdAt(), customer.id());
  }

  /** Whether {@code customer} comes after this position in newest-first order. */
  public boolean precedes(Customer customer) {
    int byTime = customer.createdAt().compareTo(createdAt);
    return byTime < 0 || (byTime == 0 && customer.id().value().compareTo(id.value()) < 0);
  }
}
