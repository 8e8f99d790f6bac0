package com.customerservice.domain.webhook;

import com.customerservice.domain.shared.IdKind;

/** A webhook endpoint's id: {@code we_} plus 24 random letters and digits. */
public record WebhookEndpointId(String value) {
  public static final IdKind<WebhookEndpointId> KIND =
      new IdKind<>("we_", "webhook_endpoint_id", WebhookEndpointId::new);

  public WebhookEndpointId {
    KIND.require(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
