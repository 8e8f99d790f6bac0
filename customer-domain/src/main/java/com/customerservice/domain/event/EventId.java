package com.customerservice.domain.event;

import com.customerservice.domain.shared.IdKind;

/**
 * An event's id: {@code evt_} plus 24 random letters and digits; webhooks carry it as {@code
 * webhook-id}.
 */
public record EventId(String value) {
  public static final IdKind<EventId> KIND = new IdKind<>("evt_", "event_id", EventId::new);

  public EventId {
    KIND.require(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
