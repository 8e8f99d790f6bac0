package com.customerservice.application.service;

import com.customerservice.application.port.in.DispatchEventsUseCase;
import com.customerservice.domain.event.CustomerEvent;
import com.customerservice.domain.port.EventLog;
import com.customerservice.domain.port.UnitOfWork;
import com.customerservice.domain.port.WebhookDeliveryRepository;
import com.customerservice.domain.port.WebhookEndpointRepository;
import com.customerservice.domain.port.WorkQueue;
import com.customerservice.domain.shared.Timestamps;
import com.customerservice.domain.webhook.DeliveryId;
import com.customerservice.domain.webhook.WebhookDelivery;
import com.customerservice.domain.webhook.WebhookEndpoint;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The outbox's relay: takes events in batches and, in the same transaction, creates a delivery for
 * each endpoint that receives the event's type and enqueues it. A crash mid-batch leaves the batch
 * for the next run; a committed batch is never taken again.
 */
public final class DispatchEventsService implements DispatchEventsUseCase {
  static final int BATCH = 500;

  private final EventLog log;
  private final WebhookEndpointRepository endpoints;
  private final WebhookDeliveryRepository deliveries;
  private final WorkQueue queue;
  private final UnitOfWork unitOfWork;
  private final RandomGenerator random;
  private final Clock clock;

  public DispatchEventsService(
      EventLog log,
      WebhookEndpointRepository endpoints,
      WebhookDeliveryRepository deliveries,
      WorkQueue queue,
      UnitOfWork unitOfWork,
      RandomGenerator random,
      Clock clock) {
    this.log = log;
    this.endpoints = endpoints;
    this.deliveries = deliveries;
    this.queue = queue;
    this.unitOfWork = unitOfWork;
    this.random = random;
    this.clock = clock;
  }

  @Override
  public int dispatch() {
    int total = 0;
    int taken;
    do {
      taken = unitOfWork.inTransaction(this::dispatchBatch);
      total += taken;
    } while (taken == BATCH);
    return total;
  }

  private int dispatchBatch() {
    List<WebhookEndpoint> receivers = endpoints.enabled();
    if (receivers.isEmpty()) {
      // Nobody receives events: they leave the outbox unread (events older than an endpoint are
      // never sent to it anyway), which keeps the relay cheap for services without webhooks.
      return log.skipUndispatched(BATCH);
    }
    List<CustomerEvent> events = log.takeUndispatched(BATCH);
    if (events.isEmpty()) {
      return 0;
    }
    Instant now = Timestamps.now(clock);
    List<WebhookDelivery> created = new ArrayList<>();
    for (CustomerEvent event : events) {
      for (WebhookEndpoint endpoint : receivers) {
        if (endpoint.receives(event.type())) {
          created.add(
              WebhookDelivery.due(
                  DeliveryId.KIND.next(random), endpoint.id(), event.id(), event.type(), now));
        }
      }
    }
    if (!created.isEmpty()) {
      deliveries.insert(created);
      created.forEach(delivery -> queue.enqueue(WorkQueue.Work.delivery(delivery.id()), now));
    }
    return events.size();
  }
}
