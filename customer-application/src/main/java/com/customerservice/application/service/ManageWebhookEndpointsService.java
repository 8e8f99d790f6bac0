package com.customerservice.application.service;

import com.customerservice.application.port.in.ManageWebhookEndpointsUseCase;
import com.customerservice.domain.error.ConflictException;
import com.customerservice.domain.error.NotFoundException;
import com.customerservice.domain.port.UnitOfWork;
import com.customerservice.domain.port.WebhookEndpointRepository;
import com.customerservice.domain.port.WebhookSender;
import com.customerservice.domain.shared.Text;
import com.customerservice.domain.shared.Timestamps;
import com.customerservice.domain.webhook.EnabledEvents;
import com.customerservice.domain.webhook.EndpointUrl;
import com.customerservice.domain.webhook.WebhookEndpoint;
import com.customerservice.domain.webhook.WebhookEndpointId;
import com.customerservice.domain.webhook.WebhookSecret;
import java.time.Clock;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Webhook endpoints: a URL is checked for its shape, then for where it resolves (outside any
 * transaction, since that asks DNS), and the number of enabled endpoints is capped.
 */
public final class ManageWebhookEndpointsService implements ManageWebhookEndpointsUseCase {
  static final String DESCRIPTION = "description";
  private static final int MAX_DESCRIPTION = 200;

  private final WebhookEndpointRepository endpoints;
  private final WebhookSender sender;
  private final EndpointUrl.Rules rules;
  private final UnitOfWork unitOfWork;
  private final RandomGenerator random;
  private final Clock clock;

  public ManageWebhookEndpointsService(
      WebhookEndpointRepository endpoints,
      WebhookSender sender,
      EndpointUrl.Rules rules,
      UnitOfWork unitOfWork,
      RandomGenerator random,
      Clock clock) {
    this.endpoints = endpoints;
    this.sender = sender;
    this.rules = rules;
    this.unitOfWork = unitOfWork;
    this.random = random;
    this.clock = clock;
  }

  @Override
  public WebhookEndpoint create(Create command) {
    EndpointUrl url = EndpointUrl.parse(command.url(), rules);
    EnabledEvents events = EnabledEvents.parse(command.enabledEvents());
    String description =
        command
            .description()
            .map(text -> Text.require(DESCRIPTION, text, MAX_DESCRIPTION))
            .orElse(null);
    sender.vetDestination(url);
    WebhookEndpoint endpoint =
        WebhookEndpoint.create(
            WebhookEndpointId.KIND.next(random),
            url,
            events,
            description,
            WebhookSecret.generate(random),
            Timestamps.now(clock));
    return unitOfWork.inTransaction(
        () -> {
          if (endpoints.enabled().size() >= WebhookEndpoint.MAX_ENABLED) {
            throw ConflictException.webhookEndpointLimit(WebhookEndpoint.MAX_ENABLED);
          }
          endpoints.insert(endpoint);
          return endpoint;
        });
  }

  @Override
  public WebhookEndpoint get(String endpointId) {
    return find(endpointId);
  }

  @Override
  public List<WebhookEndpoint> list() {
    return endpoints.enabled();
  }

  @Override
  public WebhookEndpoint delete(String endpointId) {
    return unitOfWork.inTransaction(
        () -> {
          WebhookEndpoint current = find(endpointId);
          WebhookEndpoint deleted = current.delete(Timestamps.now(clock));
          if (deleted != current) {
            endpoints.update(deleted);
          }
          return deleted;
        });
  }

  private WebhookEndpoint find(String endpointId) {
    return WebhookEndpointId.KIND
        .parse(endpointId)
        .flatMap(endpoints::find)
        .orElseThrow(() -> missing());
  }

  static NotFoundException missing() {
    return new NotFoundException("id", "No such webhook endpoint");
  }
}
