package com.customerservice.application.port.in;

import com.customerservice.domain.customer.Customer;
import com.customerservice.domain.customer.CustomerFilter;
import com.customerservice.domain.customer.CustomerQuery;
import com.customerservice.domain.error.InvalidValueException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Lists active customers, newest first, a page at a time. */
public interface ListCustomersUseCase {

  Page list(Query query);

  /** A page size of 1 to 100, the token of the page before (if any), and the filters. */
  record Query(int pageSize, Optional<String> pageToken, CustomerFilter filter) {
    public Query {
      if (pageSize < 1 || pageSize > CustomerQuery.MAX_LIMIT) {
        throw InvalidValueException.invalid(
            "page_size", "page_size must be between 1 and " + CustomerQuery.MAX_LIMIT);
      }
      Objects.requireNonNull(pageToken, "pageToken");
      Objects.requireNonNull(filter, "filter");
    }
  }

  /** The customers of one page and the token of the next, when there is one. */
  record Page(List<Customer> customers, Optional<String> nextPageToken) {
    public Page {
      customers = List.copyOf(customers);
      Objects.requireNonNull(nextPageToken, "nextPageToken");
    }

    public boolean hasMore() {
      return nextPageToken.isPresent();
    }
  }
}
