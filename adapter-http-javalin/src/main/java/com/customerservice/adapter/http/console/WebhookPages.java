package com.customerservice.adapter.http.console;

import com.customerservice.adapter.http.response.WebhookResponses;
import com.customerservice.application.port.in.ListDeliveriesUseCase;
import com.customerservice.application.port.in.ManageWebhookEndpointsUseCase;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Webhook endpoints and each one's delivery log, read-only: endpoints are managed by the API. */
final class WebhookPages {
  static final String BASE = Console.BASE + "/webhooks";
  static final int PAGE_SIZE = 50;

  private final ManageWebhookEndpointsUseCase endpoints;
  private final ListDeliveriesUseCase deliveries;
  private final Pages pages;

  WebhookPages(
      ManageWebhookEndpointsUseCase endpoints, ListDeliveriesUseCase deliveries, Pages pages) {
    this.endpoints = endpoints;
    this.deliveries = deliveries;
    this.pages = pages;
  }

  void register(RoutesConfig routes) {
    routes.get(BASE, pages.page(this::list));
    routes.get(BASE + "/{id}", pages.page(this::endpoint));
  }

  private void list(Context ctx) {
    pages.render(
        ctx,
        200,
        "webhooks",
        Views.model(
            pages.frame(ctx, "Webhooks", Frame.Section.WEBHOOKS),
            "endpoints",
            WebhookResponses.EndpointList.of(endpoints.list()).data()));
  }

  private void endpoint(Context ctx) {
    String id = ctx.pathParam("id");
    var endpoint = WebhookResponses.Endpoint.of(endpoints.get(id));
    var page =
        deliveries.list(
            id,
            new ListDeliveriesUseCase.Query(
                PAGE_SIZE, Optional.ofNullable(ctx.queryParam("page_token"))));
    String next =
        page.nextPageToken()
            .map(
                t ->
                    BASE + "/" + id + "?page_token=" + URLEncoder.encode(t, StandardCharsets.UTF_8))
            .orElse(null);
    pages.render(
        ctx,
        200,
        "webhook",
        Views.model(
            pages.frame(ctx, "Webhook " + endpoint.url(), Frame.Section.WEBHOOKS),
            "view",
            new Views.Webhook(endpoint, WebhookResponses.DeliveryList.of(page).data(), next)));
  }
}
