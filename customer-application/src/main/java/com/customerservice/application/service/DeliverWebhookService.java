package com.customerservice.application.service;

import com.customerservice.application.port.in.DeliverWebhookUseCase;
import com.customerservice.domain.event.CustomerEvent;
import com.customerservice.domain.port.EventLog;
import com.customerservice.domain.port.UnitOfWork;
import com.customerservice.domain.port.WebhookDeliveryRepository;
import com.customerservice.domain.port.WebhookEndpointRepository;
import com.customerservice.domain.port.WebhookSender;
import com.customerservice.domain.shared.Timestamps;
import com.customerservice.domain.webhook.DeliveryAttempt;
import com.customerservice.domain.webhook.DeliveryId;
import com.customerservice.domain.webhook.WebhookDelivery;
import com.customerservice.domain.webhook.WebhookEndpoint;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * One try at a delivery. The send happens outside any transaction (a receiver may take seconds);
 * the try is recorded after it in one short write. If the process dies between the two, the queue
 * runs the delivery again: at least once, which is why receivers dedupe on {@code webhook-id}.
 */
public final class DeliverWebhookService implements DeliverWebhookUseCase {
  private final WebhookDeliveryRepository deliveries;
  private final WebhookEndpointRepository endpoints;
  private final EventLog log;
  private final WebhookSender sender;
  private final UnitOfWork unitOfWork;
  private final Clock clock;

  public DeliverWebhookService(
      WebhookDeliveryRepository deliveries,
      WebhookEndpointRepository endpoints,
      EventLog log,
      WebhookSender sender,
      UnitOfWork unitOfWork,
      Clock clock) {
    this.deliveries = deliveries;
    this.endpoints = endpoints;
    this.log = log;
    this.sender = sender;
    this.unitOfWork = unitOfWork;
    this.clock = clock;
  }

  @Override
  public Optional<Instant> deliver(DeliveryId id) {
    Optional<WebhookDelivery> found = deliveries.find(id).filter(WebhookDelivery::isPending);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    WebhookDelivery delivery = found.get();
    WebhookEndpoint endpoint =
        endpoints
            .find(delivery.endpointId())
            .orElseThrow(() -> new IllegalStateException("no endpoint for " + id));
    if (endpoint.isDeleted()) {
      unitOfWork.inTransaction(() -> deliveries.update(delivery.cancel()));
      return Optional.empty();
    }
    CustomerEvent event =
        log.find(delivery.eventId())
            .orElseThrow(() -> new IllegalStateException("no event for " + id));
    DeliveryAttempt attempt = sender.send(endpoint, event, Timestamps.now(clock));
    WebhookDelivery after = delivery.after(attempt);
    unitOfWork.inTransaction(() -> deliveries.update(after));
    return after.nextAttemptAt();
  }
}
