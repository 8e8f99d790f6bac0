package com.customerservice.domain.event;

import com.customerservice.domain.customer.CustomerQuery;
import com.customerservice.domain.shared.Keyset;
import java.util.Objects;
import java.util.Optional;

/** One page request of the newest-first event list; page sizes as for customers. */
public record EventQuery(EventFilter filter, int limit, Optional<Keyset> after) {
  public EventQuery {
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(after, "after");
    CustomerQuery.requirePageSize(limit);
  }
}
