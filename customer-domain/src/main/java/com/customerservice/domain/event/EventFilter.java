package com.customerservice.domain.event;

import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.error.InvalidValueException;
import java.time.Instant;

/** Optional conditions on the event list; a null field does not filter. */
public record EventFilter(
    EventType type, CustomerId customerId, Instant createdAfter, Instant createdBefore) {

  public EventFilter {
    if (createdAfter != null && createdBefore != null && !createdAfter.isBefore(createdBefore)) {
      throw InvalidValueException.invalid(
          "created_after", "created_after must be before created_before");
    }
  }

  public static EventFilter forCustomer(CustomerId customerId) {
    return new EventFilter(null, customerId, null, null);
  }

  /** The list and these filters, as a page token is bound to them. */
  public String scope() {
    return "events|type="
        + (type == null ? "" : type.code())
        + "|customer="
        + (customerId == null ? "" : customerId.value())
        + "|after="
        + (createdAfter == null ? "" : createdAfter)
        + "|before="
        + (createdBefore == null ? "" : createdBefore);
  }

  /** Whether {@code event} passes; creation bounds are exclusive. */
  public boolean matches(CustomerEvent event) {
    return (type == null || event.type() == type)
        && (customerId == null || event.customerId().equals(customerId))
        && (createdAfter == null || event.createdAt().isAfter(createdAfter))
        && (createdBefore == null || event.createdAt().isBefore(createdBefore));
  }
}
