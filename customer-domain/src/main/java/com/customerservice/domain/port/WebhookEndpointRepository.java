package com.customerservice.domain.port;

import com.customerservice.domain.webhook.WebhookEndpoint;
import com.customerservice.domain.webhook.WebhookEndpointId;
import java.util.List;
import java.util.Optional;

/** Where webhook endpoints are kept, their secrets encrypted; deleted ones stay for their logs. */
public interface WebhookEndpointRepository {

  void insert(WebhookEndpoint endpoint);

  /** Stores a change (a deletion). */
  void update(WebhookEndpoint endpoint);

  /** The endpoint with this id, deleted or not. */
  Optional<WebhookEndpoint> find(WebhookEndpointId id);

  /** Every endpoint not deleted, oldest first. */
  List<WebhookEndpoint> enabled();
}
