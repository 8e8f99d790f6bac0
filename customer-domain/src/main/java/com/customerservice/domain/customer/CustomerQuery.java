package com.customerservice.domain.customer;

import com.customerservice.domain.error.InvalidValueException;
import java.util.Objects;
import java.util.Optional;

/** One page request of the newest-first customer list. */
public record CustomerQuery(CustomerFilter filter, int limit, Optional<PageCursor> after) {
  public static final int MAX_LIMIT = 100;
  public static final int DEFAULT_LIMIT = 50;

  public CustomerQuery {
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(after, "after");
    requirePageSize(limit);
  }

  /** The page-size rule of every list: 1 to {@value #MAX_LIMIT}. */
  public static void requirePageSize(int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw InvalidValueException.invalid(
          "page_size", "page_size must be between 1 and " + MAX_LIMIT);
    }
  }
}
