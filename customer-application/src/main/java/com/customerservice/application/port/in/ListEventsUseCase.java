package com.customerservice.application.port.in;

import com.customerservice.domain.customer.CustomerQuery;
import com.customerservice.domain.event.CustomerEvent;
import com.customerservice.domain.event.EventFilter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Reads the audit trail, newest first, a page at a time. */
public interface ListEventsUseCase {

  Page list(Query query);

  /**
   * The events of one customer, closed ones too (the trail outlives the account); an id that never
   * named a customer is a 404. The query's own customer filter is ignored.
   */
  Page listForCustomer(String customerId, Query query);

  /** A page size of 1 to 100, the token of the page before (if any), and the filters. */
  record Query(int pageSize, Optional<String> pageToken, EventFilter filter) {
    public Query {
      CustomerQuery.requirePageSize(pageSize);
      Objects.requireNonNull(pageToken, "pageToken");
      Objects.requireNonNull(filter, "filter");
    }
  }

  /** The events of one page and the token of the next, when there is one. */
  record Page(List<CustomerEvent> events, Optional<String> nextPageToken) {
    public Page {
      events = List.copyOf(events);
      Objects.requireNonNull(nextPageToken, "nextPageToken");
    }

    public boolean hasMore() {
      return nextPageToken.isPresent();
    }
  }
}
