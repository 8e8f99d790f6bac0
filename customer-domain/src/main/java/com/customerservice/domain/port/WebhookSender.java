package com.customerservice.domain.port;

import com.customerservice.domain.event.CustomerEvent;
import com.customerservice.domain.webhook.DeliveryAttempt;
import com.customerservice.domain.webhook.EndpointUrl;
import com.customerservice.domain.webhook.WebhookEndpoint;
import java.time.Instant;

/**
 * Delivers an event to an endpoint, signed with the endpoint's secret, and says how it went. The
 * core knows "deliver this event"; the transport, the signature scheme and the rules about where a
 * delivery may go are the sender's.
 */
public interface WebhookSender {

  /**
   * Refuses a destination deliveries may not go to (in production: a host that resolves to a
   * loopback, private, link-local or metadata address) with an {@link
   * com.customerservice.domain.error.InvalidValueException} on {@code url}.
   */
  void vetDestination(EndpointUrl url);

  /**
   * One try, started at {@code attemptedAt}; never throws for anything the receiver or the network
   * does, which is reported in the attempt.
   */
  DeliveryAttempt send(WebhookEndpoint endpoint, CustomerEvent event, Instant attemptedAt);
}
