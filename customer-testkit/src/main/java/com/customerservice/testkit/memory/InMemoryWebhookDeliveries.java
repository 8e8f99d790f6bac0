package com.customerservice.testkit.memory;

import com.customerservice.domain.port.WebhookDeliveryRepository;
import com.customerservice.domain.webhook.DeliveryId;
import com.customerservice.domain.webhook.DeliveryPage;
import com.customerservice.domain.webhook.WebhookDelivery;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Webhook deliveries in memory, writes undone with their transaction. */
public final class InMemoryWebhookDeliveries implements WebhookDeliveryRepository {
  private static final Comparator<WebhookDelivery> NEWEST_FIRST =
      Comparator.comparing(WebhookDelivery::createdAt)
          .thenComparing(d -> d.id().value())
          .reversed();

  private final InMemoryUnitOfWork unitOfWork;
  private final Map<DeliveryId, WebhookDelivery> byId = new LinkedHashMap<>();

  public InMemoryWebhookDeliveries(InMemoryUnitOfWork unitOfWork) {
    this.unitOfWork = unitOfWork;
  }

  @Override
  public synchronized void insert(List<WebhookDelivery> deliveries) {
    for (WebhookDelivery delivery : deliveries) {
      if (byId.putIfAbsent(delivery.id(), delivery) != null) {
        throw new IllegalStateException("delivery " + delivery.id() + " exists already");
      }
      unitOfWork.onRollback(() -> put(delivery.id(), null));
    }
  }

  @Override
  public synchronized void update(WebhookDelivery delivery) {
    WebhookDelivery before = byId.get(delivery.id());
    if (before == null) {
      throw new IllegalStateException("delivery " + delivery.id() + " is not stored");
    }
    byId.put(delivery.id(), delivery);
    unitOfWork.onRollback(() -> put(delivery.id(), before));
  }

  @Override
  public synchronized Optional<WebhookDelivery> find(DeliveryId id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public synchronized DeliveryPage page(DeliveryPage.Query query) {
    List<WebhookDelivery> rows =
        byId.values().stream()
            .filter(d -> d.endpointId().equals(query.endpoint()))
            .filter(
                d ->
                    query
                        .after()
                        .map(at -> at.precedes(d.createdAt(), d.id().value()))
                        .orElse(true))
            .sorted(NEWEST_FIRST)
            .limit(query.limit() + 1L)
            .toList();
    return DeliveryPage.fromOverfetch(rows, query.limit());
  }

  /** Every delivery, for tests that look behind the port. */
  public synchronized List<WebhookDelivery> all() {
    return List.copyOf(byId.values());
  }

  private synchronized void put(DeliveryId id, WebhookDelivery delivery) {
    if (delivery == null) {
      byId.remove(id);
    } else {
      byId.put(id, delivery);
    }
  }
}
