package com.customerservice.application.port.in;

import com.customerservice.domain.webhook.WebhookEndpoint;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Creates, reads and deletes webhook endpoints (a back-office task). */
public interface ManageWebhookEndpointsUseCase {

  /**
   * Creates an endpoint after checking where its URL may lead; the answer carries the new secret,
   * which is shown this once.
   */
  WebhookEndpoint create(Create command);

  /** The endpoint with this id, deleted or not; 404 for an id that names none. */
  WebhookEndpoint get(String endpointId);

  /** Every endpoint not deleted, oldest first. */
  List<WebhookEndpoint> list();

  /** Stops further deliveries to the endpoint; deleting twice answers the same. */
  WebhookEndpoint delete(String endpointId);

  /** A URL, the event types (or {@code *}) and an optional description. */
  record Create(String url, List<String> enabledEvents, Optional<String> description) {
    public Create {
      Objects.requireNonNull(enabledEvents, "enabledEvents");
      Objects.requireNonNull(description, "description");
    }
  }
}
