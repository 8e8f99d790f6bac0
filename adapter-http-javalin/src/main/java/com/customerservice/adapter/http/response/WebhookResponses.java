package com.customerservice.adapter.http.response;

import com.customerservice.application.port.in.ListDeliveriesUseCase;
import com.customerservice.domain.webhook.DeliveryAttempt;
import com.customerservice.domain.webhook.DeliveryError;
import com.customerservice.domain.webhook.WebhookDelivery;
import com.customerservice.domain.webhook.WebhookEndpoint;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Webhook endpoints and their deliveries as the API shows them. */
public final class WebhookResponses {
  private WebhookResponses() {}

  /**
   * An endpoint; {@code secret} appears only in the answer to its creation, the one time it is
   * shown.
   */
  public record Endpoint(
      String object,
      String id,
      String url,
      List<String> enabledEvents,
      String description,
      String status,
      String createdAt,
      @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {
    public static Endpoint of(WebhookEndpoint e) {
      return new Endpoint(
          "webhook_endpoint",
          e.id().value(),
          e.url().toString(),
          e.enabledEvents().codes(),
          e.description().orElse(null),
          e.isDeleted() ? "deleted" : "enabled",
          Formats.timestamp(e.createdAt()),
          null);
    }

    /** The answer to creation, with the secret. */
    public static Endpoint created(WebhookEndpoint e) {
      Endpoint shown = of(e);
      return new Endpoint(
          shown.object,
          shown.id,
          shown.url,
          shown.enabledEvents,
          shown.description,
          shown.status,
          shown.createdAt,
          e.secret().reveal());
    }
  }

  public record EndpointList(String object, List<Endpoint> data, boolean hasMore) {
    public static EndpointList of(List<WebhookEndpoint> endpoints) {
      return new EndpointList("list", endpoints.stream().map(Endpoint::of).toList(), false);
    }
  }

  public record Deleted(String object, String id, boolean deleted) {
    public static Deleted of(WebhookEndpoint e) {
      return new Deleted("webhook_endpoint", e.id().value(), true);
    }
  }

  /** One try: when, what came back (at most 1 KiB of it) or why nothing did, how long it took. */
  public record Attempt(
      String attemptedAt, Integer statusCode, long durationMs, String error, String responseBody) {
    static Attempt of(DeliveryAttempt a) {
      return new Attempt(
          Formats.timestamp(a.attemptedAt()),
          a.statusCode().isPresent() ? a.statusCode().getAsInt() : null,
          a.duration().toMillis(),
          a.error().map(DeliveryError::code).orElse(null),
          a.responseExcerpt());
    }
  }

  public record Delivery(
      String object,
      String id,
      String endpointId,
      String eventId,
      String eventType,
      String status,
      List<Attempt> attempts,
      String nextAttemptAt,
      String createdAt) {
    static Delivery of(WebhookDelivery d) {
      return new Delivery(
          "webhook_delivery",
          d.id().value(),
          d.endpointId().value(),
          d.eventId().value(),
          d.eventType().code(),
          d.status().code(),
          d.attempts().stream().map(Attempt::of).toList(),
          d.nextAttemptAt().map(Formats::timestamp).orElse(null),
          Formats.timestamp(d.createdAt()));
    }
  }

  public record DeliveryList(
      String object, List<Delivery> data, boolean hasMore, String nextPageToken) {
    public static DeliveryList of(ListDeliveriesUseCase.Page page) {
      return new DeliveryList(
          "list",
          page.deliveries().stream().map(Delivery::of).toList(),
          page.hasMore(),
          page.nextPageToken().orElse(null));
    }
  }
}
