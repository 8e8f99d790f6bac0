package com.customerservice.testkit.memory;

import com.customerservice.domain.port.WebhookEndpointRepository;
import com.customerservice.domain.webhook.WebhookEndpoint;
import com.customerservice.domain.webhook.WebhookEndpointId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Webhook endpoints in memory, writes undone with their transaction. */
public final class InMemoryWebhookEndpoints implements WebhookEndpointRepository {
  private final InMemoryUnitOfWork unitOfWork;
  private final Map<WebhookEndpointId, WebhookEndpoint> byId = new LinkedHashMap<>();

  public InMemoryWebhookEndpoints(InMemoryUnitOfWork unitOfWork) {
    this.unitOfWork = unitOfWork;
  }

  @Override
  public synchronized void insert(WebhookEndpoint endpoint) {
    if (byId.putIfAbsent(endpoint.id(), endpoint) != null) {
      throw new IllegalStateException("endpoint " + endpoint.id() + " exists already");
    }
    unitOfWork.onRollback(() -> put(endpoint.id(), null));
  }

  @Override
  public synchronized void update(WebhookEndpoint endpoint) {
    WebhookEndpoint before = byId.get(endpoint.id());
    if (before == null) {
      throw new IllegalStateException("endpoint " + endpoint.id() + " is not stored");
    }
    byId.put(endpoint.id(), endpoint);
    unitOfWork.onRollback(() -> put(endpoint.id(), before));
  }

  @Override
  public synchronized Optional<WebhookEndpoint> find(WebhookEndpointId id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public synchronized List<WebhookEndpoint> enabled() {
    return byId.values().stream().filter(e -> !e.isDeleted()).toList();
  }

  private synchronized void put(WebhookEndpointId id, WebhookEndpoint endpoint) {
    if (endpoint == null) {
      byId.remove(id);
    } else {
      byId.put(id, endpoint);
    }
  }
}
