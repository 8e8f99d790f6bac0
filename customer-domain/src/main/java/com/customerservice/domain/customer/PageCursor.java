package com.customerservice.domain.customer;

import java.time.Instant;
import java.util.Objects;

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

  public static PageCursor after(Customer customer) {
    return new PageCursor(customer.createdAt(), customer.id());
  }

  /** Whether {@code customer} comes after this position in newest-first order. */
  public boolean precedes(Customer customer) {
    int byTime = customer.createdAt().compareTo(createdAt);
    return byTime < 0 || (byTime == 0 && customer.id().value().compareTo(id.value()) < 0);
  }
}
