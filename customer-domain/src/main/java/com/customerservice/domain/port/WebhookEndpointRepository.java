package com.customerservice.domain.port;

import com.customerservice.domain.webhook.WebhookEndpoint;
import com.customerservice.domain.webhook.WebhookEndpointId;
import java.util.List;
import java.util.Optional;

/** Where webhook endpoints are kept, their secrets encrypted; deleted ones stay for their logs. */
public interface WebhookEndpointRepository {

  /**
   * Stores a new endpoint; while a unit of work that read {@link #enabled()} is running, waits for
   * it to end.
   */
  void insert(WebhookEndpoint endpoint);

  /** Stores a change (a deletion). */
  void update(WebhookEndpoint endpoint);

  /** The endpoint with this id, deleted or not. */
  Optional<WebhookEndpoint> find(WebhookEndpointId id);

  /**
   * Every endpoint not deleted, oldest first. Read inside a unit of work, the answer holds until it
   * ends: an endpoint being created meanwhile is stored only afterwards, so the outbox relay that
   * found none and lets its events go never drops an event meant for a new endpoint.
   */
  List<WebhookEndpoint> enabled();
}
