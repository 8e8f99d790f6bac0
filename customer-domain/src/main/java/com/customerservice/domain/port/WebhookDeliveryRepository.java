package com.customerservice.domain.port;

import com.customerservice.domain.webhook.DeliveryId;
import com.customerservice.domain.webhook.DeliveryPage;
import com.customerservice.domain.webhook.WebhookDelivery;
import java.util.List;
import java.util.Optional;

/** Every delivery of an event to an endpoint, with each of its tries. */
public interface WebhookDeliveryRepository {

  void insert(List<WebhookDelivery> deliveries);

  /** Stores the delivery's new state and its tries. */
  void update(WebhookDelivery delivery);

  Optional<WebhookDelivery> find(DeliveryId id);

  /** One page of an endpoint's deliveries, newest first. */
  DeliveryPage page(DeliveryPage.Query query);
}
