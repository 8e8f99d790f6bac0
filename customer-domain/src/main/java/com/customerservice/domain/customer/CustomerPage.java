package com.customerservice.domain.customer;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One page of customers, newest first, and where the next page starts if there is one. */
public record CustomerPage(List<Customer> customers, Optional<PageCursor> next) {
  public CustomerPage {
    customers = List.copyOf(customers);
    Objects.requireNonNull(next, "next");
  }

  public boolean hasMore() {
    return next.isPresent();
  }

  /**
   * Builds a page from up to {@code limit + 1} rows fetched in order: the extra row only tells that
   * more exist.
   */
  public static CustomerPage fromOverfetch(List<Customer> rows, int limit) {
    if (rows.size() <= limit) {
      return new CustomerPage(rows, Optional.empty());
    }
    List<Customer> page = rows.subList(0, limit);
    return new CustomerPage(page, Optional.of(PageCursor.after(page.get(limit - 1))));
  }
}
