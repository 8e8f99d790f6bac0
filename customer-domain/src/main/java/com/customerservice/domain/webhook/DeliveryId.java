package com.customerservice.domain.webhook;

import com.customerservice.domain.shared.IdKind;

/** The id of one event's delivery to one endpoint: {@code dlv_} plus 24 random characters. */
public record DeliveryId(String value) {
  public static final IdKind<DeliveryId> KIND =
      new IdKind<>("dlv_", "delivery_id", DeliveryId::new);

  public DeliveryId {
    KIND.require(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
