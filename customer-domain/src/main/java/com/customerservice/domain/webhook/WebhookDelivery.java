package com.customerservice.domain.webhook;

import com.customerservice.domain.event.EventId;
import com.customerservice.domain.event.EventType;
import com.customerservice.domain.shared.Coded;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One event on its way to one endpoint: pending until a try is answered with a 2xx (delivered), the
 * retries run out (failed), or the endpoint is deleted (cancelled). Keeps every try.
 */
public final class WebhookDelivery {
  /** Where a delivery stands. */
  public enum Status implements Coded {
    PENDING,
    DELIVERED,
    FAILED,
    CANCELLED;

    @Override
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final DeliveryId id;
  private final WebhookEndpointId endpointId;
  private final EventId eventId;
  private final EventType eventType;
  private final Status status;
  private final List<DeliveryAttempt> attempts;
  private final Instant nextAttemptAt;
  private final Instant createdAt;

  private WebhookDelivery(
      DeliveryId id,
      WebhookEndpointId endpointId,
      EventId eventId,
      EventType eventType,
      Status status,
      List<DeliveryAttempt> attempts,
      Instant nextAttemptAt,
      Instant createdAt) {
    this.id = Objects.requireNonNull(id, "id");
    this.endpointId = Objects.requireNonNull(endpointId, "endpointId");
    this.eventId = Objects.requireNonNull(eventId, "eventId");
    this.eventType = Objects.requireNonNull(eventType, "eventType");
    this.status = Objects.requireNonNull(status, "status");
    this.attempts = List.copyOf(attempts);
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    if ((status == Status.PENDING) != (nextAttemptAt != null)) {
      throw new IllegalArgumentException("only a pending delivery has a next attempt");
    }
    this.nextAttemptAt = nextAttemptAt;
  }

  /** A delivery due now, for an event an endpoint receives. */
  public static WebhookDelivery due(
      DeliveryId id, WebhookEndpointId endpoint, EventId event, EventType type, Instant now) {
    return new WebhookDelivery(id, endpoint, event, type, Status.PENDING, List.of(), now, now);
  }

  /** A delivery as a store kept it. */
  public static WebhookDelivery restore(
      DeliveryId id,
      WebhookEndpointId endpoint,
      EventId event,
      EventType type,
      Status status,
      List<DeliveryAttempt> attempts,
      Instant nextAttemptAt,
      Instant createdAt) {
    return new WebhookDelivery(
        id, endpoint, event, type, status, attempts, nextAttemptAt, createdAt);
  }

  /**
   * This delivery after {@code attempt}: delivered on a 2xx; otherwise due again after the {@link
   * RetrySchedule}'s delay (longer if the receiver asked for longer), or failed when the retries
   * have run out.
   */
  public WebhookDelivery after(DeliveryAttempt attempt) {
    requirePending();
    List<DeliveryAttempt> tried = new ArrayList<>(attempts);
    tried.add(attempt);
    if (attempt.delivered()) {
      return with(Status.DELIVERED, tried, null);
    }
    Optional<Instant> next =
        RetrySchedule.afterFailedAttempts(tried.size(), attempt.requestedDelay())
            .map(attempt.attemptedAt()::plus);
    return next.map(at -> with(Status.PENDING, tried, at))
        .orElseGet(() -> with(Status.FAILED, tried, null));
  }

  /** Its endpoint was deleted: no further tries. */
  public WebhookDelivery cancel() {
    requirePending();
    return with(Status.CANCELLED, attempts, null);
  }

  public boolean isPending() {
    return status == Status.PENDING;
  }

  private void requirePending() {
    if (!isPending()) {
      throw new IllegalStateException("delivery " + id + " is " + status.code());
    }
  }

  private WebhookDelivery with(Status next, List<DeliveryAttempt> tried, Instant at) {
    return new WebhookDelivery(id, endpointId, eventId, eventType, next, tried, at, createdAt);
  }

  public DeliveryId id() {
    return id;
  }

  public WebhookEndpointId endpointId() {
    return endpointId;
  }

  public EventId eventId() {
    return eventId;
  }

  public EventType eventType() {
    return eventType;
  }

  public Status status() {
    return status;
  }

  public List<DeliveryAttempt> attempts() {
    return attempts;
  }

  public Optional<Instant> nextAttemptAt() {
    return Optional.ofNullable(nextAttemptAt);
  }

  public Instant createdAt() {
    return createdAt;
  }

  @Override
  public String toString() {
    return "WebhookDelivery[" + id + ", " + status.code() + ", " + attempts.size() + " tries]";
  }
}
