package com.customerservice.adapter.http.routes;

import com.customerservice.adapter.http.auth.Scope;
import com.customerservice.adapter.http.json.Json;
import com.customerservice.adapter.http.json.JsonBody;
import com.customerservice.adapter.http.request.CreateWebhookEndpointRequest;
import com.customerservice.adapter.http.request.Paging;
import com.customerservice.adapter.http.response.WebhookResponses;
import com.customerservice.application.port.in.ListDeliveriesUseCase;
import com.customerservice.application.port.in.ManageWebhookEndpointsUseCase;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** Webhook endpoints and their delivery logs. Back office only. */
public final class WebhookRoutes {
  private static final String BASE = "/v1/webhook_endpoints";
  private final ManageWebhookEndpointsUseCase endpoints;
  private final ListDeliveriesUseCase deliveries;

  public WebhookRoutes(ManageWebhookEndpointsUseCase endpoints, ListDeliveriesUseCase deliveries) {
    this.endpoints = endpoints;
    this.deliveries = deliveries;
  }

  public void register(RoutesConfig routes) {
    routes.post(BASE, this::create, Scope.BACK_OFFICE);
    routes.get(BASE, this::list, Scope.BACK_OFFICE);
    routes.get(BASE + "/{id}", this::get, Scope.BACK_OFFICE);
    routes.delete(BASE + "/{id}", this::delete, Scope.BACK_OFFICE);
    routes.get(BASE + "/{id}/deliveries", this::deliveries, Scope.BACK_OFFICE);
  }

  private void create(Context ctx) {
    JsonBody body = JsonBody.read(ctx, CreateWebhookEndpointRequest.FIELDS);
    var created = endpoints.create(CreateWebhookEndpointRequest.toCommand(body));
    ctx.header("Location", BASE + "/" + created.id().value());
    Json.write(ctx, 201, WebhookResponses.Endpoint.created(created));
  }

  private void list(Context ctx) {
    Json.write(ctx, 200, WebhookResponses.EndpointList.of(endpoints.list()));
  }

  private void get(Context ctx) {
    Json.write(ctx, 200, WebhookResponses.Endpoint.of(endpoints.get(ctx.pathParam("id"))));
  }

  private void delete(Context ctx) {
    Json.write(ctx, 200, WebhookResponses.Deleted.of(endpoints.delete(ctx.pathParam("id"))));
  }

  private void deliveries(Context ctx) {
    var page =
        deliveries.list(
            ctx.pathParam("id"),
            new ListDeliveriesUseCase.Query(Paging.pageSize(ctx), Paging.pageToken(ctx)));
    Json.write(ctx, 200, WebhookResponses.DeliveryList.of(page));
  }
}
