package com.customerservice.application.service;

import com.customerservice.application.port.in.ListDeliveriesUseCase;
import com.customerservice.domain.customer.PageTokenCodec;
import com.customerservice.domain.port.WebhookDeliveryRepository;
import com.customerservice.domain.port.WebhookEndpointRepository;
import com.customerservice.domain.shared.Keyset;
import com.customerservice.domain.webhook.DeliveryId;
import com.customerservice.domain.webhook.DeliveryPage;
import com.customerservice.domain.webhook.WebhookEndpointId;

/** Reads an endpoint's delivery log a keyset page at a time, behind signed page tokens. */
public final class ListDeliveriesService implements ListDeliveriesUseCase {
  private final WebhookEndpointRepository endpoints;
  private final WebhookDeliveryRepository deliveries;
  private final PageTokenCodec tokens;

  public ListDeliveriesService(
      WebhookEndpointRepository endpoints,
      WebhookDeliveryRepository deliveries,
      PageTokenCodec tokens) {
    this.endpoints = endpoints;
    this.deliveries = deliveries;
    this.tokens = tokens;
  }

  @Override
  public Page list(String endpointId, Query query) {
    WebhookEndpointId id =
        WebhookEndpointId.KIND
            .parse(endpointId)
            .filter(candidate -> endpoints.find(candidate).isPresent())
            .orElseThrow(ManageWebhookEndpointsService::missing);
    String scope = new DeliveryPage.Query(id, query.pageSize(), java.util.Optional.empty()).scope();
    DeliveryPage page =
        deliveries.page(
            new DeliveryPage.Query(
                id,
                query.pageSize(),
                query
                    .pageToken()
                    .map(
                        token ->
                            Keyset.fromPosition(tokens.decode(token, scope), DeliveryId.KIND)
                                .orElseThrow(
                                    () ->
                                        new IllegalStateException(
                                            "a signed token held a malformed position")))));
    return new Page(
        page.deliveries(), page.next().map(next -> tokens.encode(next.position(), scope)));
  }
}
