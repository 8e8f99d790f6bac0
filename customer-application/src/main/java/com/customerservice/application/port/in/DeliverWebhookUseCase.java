package com.customerservice.application.port.in;

import com.customerservice.domain.webhook.DeliveryId;
import java.time.Instant;
import java.util.Optional;

/** Background work: one try at one delivery, run by the delivery queue. */
public interface DeliverWebhookUseCase {

  /**
   * Tries the delivery (unless it is done or its endpoint deleted) and records the try; answers
   * when to try again, or empty when the delivery is done.
   */
  Optional<Instant> deliver(DeliveryId delivery);
}
