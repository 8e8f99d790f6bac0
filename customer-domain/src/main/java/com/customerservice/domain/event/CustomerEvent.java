package com.customerservice.domain.event;

import com.customerservice.domain.customer.CustomerId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A recorded change of a customer: what happened, when, to whom, who did it and under which
 * request. Kept for the audit trail (after the account is closed too) and delivered to webhooks.
 */
public record CustomerEvent(
    EventId id,
    EventType type,
    CustomerId customerId,
    Instant createdAt,
    EventData data,
    Actor actor,
    Optional<String> requestId) {
  public CustomerEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(requestId, "requestId");
  }
}
