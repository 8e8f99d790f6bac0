package com.customerservice.adapter.http.request;

import com.customerservice.adapter.http.json.JsonBody;
import com.customerservice.application.port.in.ManageWebhookEndpointsUseCase;
import com.customerservice.domain.event.EventType;
import com.customerservice.domain.webhook.EnabledEvents;
import com.customerservice.domain.webhook.EndpointUrl;
import java.util.Set;

/**
 * The body of {@code POST /v1/webhook_endpoints}: {@code url}, {@code enabled_events}, {@code
 * description}.
 */
public final class CreateWebhookEndpointRequest {
  public static final Set<String> FIELDS =
      Set.of(EndpointUrl.FIELD, EnabledEvents.FIELD, "description");

  private CreateWebhookEndpointRequest() {}

  public static ManageWebhookEndpointsUseCase.Create toCommand(JsonBody body) {
    return new ManageWebhookEndpointsUseCase.Create(
        body.requiredString(EndpointUrl.FIELD),
        body.requiredStringList(EnabledEvents.FIELD, EventType.values().length),
        body.optionalString("description"));
  }
}
