package com.customerservice.adapter.http.response;

import com.customerservice.adapter.http.json.Json;
import com.customerservice.application.port.in.ListEventsUseCase;
import com.customerservice.domain.event.CustomerEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import java.util.Map;

/**
 * An event as the API lists it and as webhooks deliver it: one shape, written in one place, so a
 * receiver and a reader of {@code GET /v1/events} see the same bytes for the same event.
 */
public record EventResponse(
    String object,
    String id,
    String type,
    String createdAt,
    String customerId,
    Map<String, Object> data,
    ActorResponse actor,
    String requestId) {

  /** Who made the change: an API key by name, or the KYC provider whose verdict it was. */
  public record ActorResponse(String type, String name) {}

  public static EventResponse from(CustomerEvent e) {
    return new EventResponse(
        "event",
        e.id().value(),
        e.type().code(),
        Formats.timestamp(e.createdAt()),
        e.customerId().value(),
        e.data().values(),
        new ActorResponse(e.actor().type().code(), e.actor().name()),
        e.requestId().orElse(null));
  }

  /** The JSON body of a webhook delivery of {@code event}. */
  public static byte[] payload(CustomerEvent event) {
    try {
      return Json.MAPPER.writeValueAsBytes(from(event));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an event could not be serialised", e);
    }
  }

  /** A page of events. */
  public record EventList(
      String object, List<EventResponse> data, boolean hasMore, String nextPageToken) {
    public static EventList of(ListEventsUseCase.Page page) {
      return new EventList(
          "list",
          page.events().stream().map(EventResponse::from).toList(),
          page.hasMore(),
          page.nextPageToken().orElse(null));
    }
  }
}
