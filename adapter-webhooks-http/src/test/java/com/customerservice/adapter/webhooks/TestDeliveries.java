package com.customerservice.adapter.webhooks;

import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.event.Actor;
import com.customerservice.domain.event.CustomerEvent;
import com.customerservice.domain.event.EventData;
import com.customerservice.domain.event.EventId;
import com.customerservice.domain.event.EventType;
import com.customerservice.domain.webhook.EnabledEvents;
import com.customerservice.domain.webhook.EndpointUrl;
import com.customerservice.domain.webhook.WebhookEndpoint;
import com.customerservice.domain.webhook.WebhookEndpointId;
import com.customerservice.domain.webhook.WebhookSecret;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Senders, endpoints and events for the sender's tests. */
final class TestDeliveries {
  static final SecureRandom RANDOM = new SecureRandom();
  static final byte[] BODY =
      "{\"object\":\"event\",\"type\":\"customer.created\"}".getBytes(StandardCharsets.UTF_8);

  private TestDeliveries() {}

  static HttpWebhookSender sandboxSender(Duration timeout) {
    return new HttpWebhookSender(new HttpWebhookSender.Settings(timeout, true), event -> BODY);
  }

  static WebhookEndpoint endpoint(String url) {
    return WebhookEndpoint.create(
        WebhookEndpointId.KIND.next(RANDOM),
        new EndpointUrl(URI.create(url)),
        EnabledEvents.parse(List.of("*")),
        null,
        WebhookSecret.generate(RANDOM),
        Instant.now());
  }

  static CustomerEvent event() {
    return new CustomerEvent(
        EventId.KIND.next(RANDOM),
        EventType.CUSTOMER_CREATED,
        CustomerId.KIND.next(RANDOM),
        Instant.now(),
        EventData.empty(),
        Actor.apiKey("mobile-app"),
        Optional.of("req_1"));
  }
}
