package com.customerservice.adapter.http.routes;

import com.customerservice.adapter.http.auth.Scope;
import com.customerservice.adapter.http.json.Json;
import com.customerservice.adapter.http.request.ListEventsRequest;
import com.customerservice.adapter.http.response.EventResponse;
import com.customerservice.application.port.in.ListEventsUseCase;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** The audit trail: every event, and one customer's (closed ones too). Back office only. */
public final class EventRoutes {
  private final ListEventsUseCase events;

  public EventRoutes(ListEventsUseCase events) {
    this.events = events;
  }

  /** Registered before {@code /v1/customers/{id}}'s routes, like every literal path. */
  public void register(RoutesConfig routes) {
    routes.get("/v1/events", this::list, Scope.BACK_OFFICE);
    routes.get("/v1/customers/{id}/events", this::listForCustomer, Scope.BACK_OFFICE);
  }

  private void list(Context ctx) {
    Json.write(ctx, 200, EventResponse.EventList.of(events.list(ListEventsRequest.from(ctx))));
  }

  private void listForCustomer(Context ctx) {
    var page = events.listForCustomer(ctx.pathParam("id"), ListEventsRequest.from(ctx));
    Json.write(ctx, 200, EventResponse.EventList.of(page));
  }
}
