package com.customerservice.domain.webhook;

import com.customerservice.domain.customer.CustomerQuery;
import com.customerservice.domain.shared.Keyset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One page of an endpoint's deliveries, newest first, and where the next page starts. */
public record DeliveryPage(List<WebhookDelivery> deliveries, Optional<Keyset> next) {
  public DeliveryPage {
    deliveries = List.copyOf(deliveries);
    Objects.requireNonNull(next, "next");
  }

  /** A page from up to {@code limit + 1} rows fetched in order: the extra row tells more exist. */
  public static DeliveryPage fromOverfetch(List<WebhookDelivery> rows, int limit) {
    if (rows.size() <= limit) {
      return new DeliveryPage(rows, Optional.empty());
    }
    WebhookDelivery last = rows.get(limit - 1);
    return new DeliveryPage(
        rows.subList(0, limit), Optional.of(new Keyset(last.createdAt(), last.id().value())));
  }

  /** One page request of an endpoint's deliveries. */
  public record Query(WebhookEndpointId endpoint, int limit, Optional<Keyset> after) {
    public Query {
      Objects.requireNonNull(endpoint, "endpoint");
      Objects.requireNonNull(after, "after");
      CustomerQuery.requirePageSize(limit);
    }

    /** The list a page token is bound to. */
    public String scope() {
      return "deliveries|" + endpoint.value();
    }
  }
}
