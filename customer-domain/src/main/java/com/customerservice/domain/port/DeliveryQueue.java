package com.customerservice.domain.port;

import com.customerservice.domain.webhook.DeliveryId;
import java.time.Instant;

/**
 * Background work that outlives the process: a delivery enqueued is tried at or after {@code at},
 * once across every instance, also after a restart. Enqueue inside the unit of work that created
 * the delivery, so that both or neither are kept.
 */
public interface DeliveryQueue {

  void enqueue(DeliveryId delivery, Instant at);
}
