package com.customerservice.application.port.in;

import com.customerservice.domain.customer.CustomerQuery;
import com.customerservice.domain.webhook.WebhookDelivery;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Reads an endpoint's delivery log, newest first, a page at a time. */
public interface ListDeliveriesUseCase {

  /** 404 for an id that names no endpoint; a deleted endpoint's log still reads. */
  Page list(String endpointId, Query query);

  /** A page size of 1 to 100 and the token of the page before, if any. */
  record Query(int pageSize, Optional<String> pageToken) {
    public Query {
      CustomerQuery.requirePageSize(pageSize);
      Objects.requireNonNull(pageToken, "pageToken");
    }
  }

  /** The deliveries of one page and the token of the next, when there is one. */
  record Page(List<WebhookDelivery> deliveries, Optional<String> nextPageToken) {
    public Page {
      deliveries = List.copyOf(deliveries);
      Objects.requireNonNull(nextPageToken, "nextPageToken");
    }

    public boolean hasMore() {
      return nextPageToken.isPresent();
    }
  }
}
