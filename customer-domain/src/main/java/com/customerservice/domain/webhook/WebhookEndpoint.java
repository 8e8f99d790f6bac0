package com.customerservice.domain.webhook;

import com.customerservice.domain.event.EventType;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A receiver of events: where to, which types, and the key that signs them. Deleting one stops its
 * deliveries; it stays stored so that its delivery log still reads.
 */
public final class WebhookEndpoint {
  /** The most endpoints a service keeps enabled at once: each one multiplies every delivery. */
  public static final int MAX_ENABLED = 16;

  private final WebhookEndpointId id;
  private final EndpointUrl url;
  private final EnabledEvents enabledEvents;
  private final WebhookSecret secret;
  private final String description;
  private final Instant createdAt;
  private final Instant deletedAt;

  private WebhookEndpoint(
      WebhookEndpointId id,
      EndpointUrl url,
      EnabledEvents enabledEvents,
      WebhookSecret secret,
      String description,
      Instant createdAt,
      Instant deletedAt) {
    this.id = Objects.requireNonNull(id, "id");
    this.url = Objects.requireNonNull(url, "url");
    this.enabledEvents = Objects.requireNonNull(enabledEvents, "enabledEvents");
    this.secret = Objects.requireNonNull(secret, "secret");
    this.description = description;
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.deletedAt = deletedAt;
  }

  /** A new endpoint with a new secret. */
  public static WebhookEndpoint create(
      WebhookEndpointId id,
      EndpointUrl url,
      EnabledEvents enabledEvents,
      String description,
      WebhookSecret secret,
      Instant now) {
    return new WebhookEndpoint(id, url, enabledEvents, secret, description, now, null);
  }

  /** An endpoint as a store kept it. */
  public static WebhookEndpoint restore(
      WebhookEndpointId id,
      EndpointUrl url,
      EnabledEvents enabledEvents,
      WebhookSecret secret,
      String description,
      Instant createdAt,
      Instant deletedAt) {
    return new WebhookEndpoint(id, url, enabledEvents, secret, description, createdAt, deletedAt);
  }

  /** Stops further deliveries; deleting twice keeps the first time. */
  public WebhookEndpoint delete(Instant now) {
    return isDeleted()
        ? this
        : new WebhookEndpoint(id, url, enabledEvents, secret, description, createdAt, now);
  }

  /** Whether an event of {@code type} goes to this endpoint now. */
  public boolean receives(EventType type) {
    return !isDeleted() && enabledEvents.includes(type);
  }

  public boolean isDeleted() {
    return deletedAt != null;
  }

  public WebhookEndpointId id() {
    return id;
  }

  public EndpointUrl url() {
    return url;
  }

  public EnabledEvents enabledEvents() {
    return enabledEvents;
  }

  public WebhookSecret secret() {
    return secret;
  }

  public Optional<String> description() {
    return Optional.ofNullable(description);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Optional<Instant> deletedAt() {
    return Optional.ofNullable(deletedAt);
  }

  @Override
  public String toString() {
    return "WebhookEndpoint[" + id + (isDeleted() ? ", deleted" : "") + "]";
  }
}
