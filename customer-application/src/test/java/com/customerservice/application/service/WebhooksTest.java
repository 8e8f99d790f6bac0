package com.customerservice.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.customerservice.application.fixtures.InMemoryApplication;
import com.customerservice.application.port.in.ListDeliveriesUseCase;
import com.customerservice.application.port.in.ManageWebhookEndpointsUseCase;
import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.error.ConflictException;
import com.customerservice.domain.error.InvalidValueException;
import com.customerservice.domain.error.NotFoundException;
import com.customerservice.domain.event.EventType;
import com.customerservice.domain.webhook.DeliveryAttempt;
import com.customerservice.domain.webhook.RetrySchedule;
import com.customerservice.domain.webhook.WebhookDelivery;
import com.customerservice.domain.webhook.WebhookEndpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Endpoints, the relay from events to deliveries, and the retry schedule, on the test clock. */
class WebhooksTest {
  private final InMemoryApplication app = new InMemoryApplication();
  private final ManageWebhookEndpointsUseCase endpoints = app.useCases.webhookEndpoints();

  private WebhookEndpoint endpoint(String url, String... types) {
    return endpoints.create(
        new ManageWebhookEndpointsUseCase.Create(url, List.of(types), Optional.empty()));
  }

  private List<WebhookDelivery> deliveriesTo(WebhookEndpoint endpoint) {
    return app.useCases
        .deliveries()
        .list(endpoint.id().value(), new ListDeliveriesUseCase.Query(100, Optional.empty()))
        .deliveries();
  }

  @Test
  void aUrlThatIsNotHttpsIsRefusedInProduction() {
    assertThatThrownBy(() -> endpoint("http://receiver.example.com/hooks", "*"))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.code()).isEqualTo("url_invalid"));
    assertThatThrownBy(() -> endpoint("http://127.0.0.1:9000/hooks", "*"))
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> endpoint("https://user:pass@receiver.example.com/", "*"))
        .isInstanceOf(InvalidValueException.class);
    assertThat(endpoints.list()).isEmpty();
  }

  @Test
  void aUrlTheSenderRefusesIsNotStored() {
    app.webhooks.forbid("internal.example.com");
    assertThatThrownBy(() -> endpoint("https://internal.example.com/hooks", "*"))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.code()).isEqualTo("url_forbidden"));
    assertThat(endpoints.list()).isEmpty();
  }

  @Test
  void unknownOrMissingEventTypesAreRefused() {
    assertThatThrownBy(() -> endpoint("https://receiver.example.com/", "customer.exploded"))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.param()).contains("enabled_events"));
    assertThatThrownBy(() -> endpoint("https://receiver.example.com/"))
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> endpoint("https://receiver.example.com/", "*", "customer.created"))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void enabledEndpointsAreCapped() {
    for (int i = 0; i < WebhookEndpoint.MAX_ENABLED; i++) {
      endpoint("https://receiver.example.com/" + i, "*");
    }
    assertThatThrownBy(() -> endpoint("https://receiver.example.com/one-more", "*"))
        .isInstanceOf(ConflictException.class);
    endpoints.delete(endpoints.list().get(0).id().value());
    assertThat(endpoint("https://receiver.example.com/one-more", "*")).isNotNull();
  }

  @Test
  void anUnknownEndpointIs404() {
    assertThatThrownBy(() -> endpoints.get("we_" + "x".repeat(24)))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> endpoints.delete("nonsense")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void eachEventGoesToTheEndpointsThatReceiveItsType() {
    WebhookEndpoint all = endpoint("https://all.example.com/", "*");
    WebhookEndpoint closings = endpoint("https://closings.example.com/", "customer.closed");
    CustomerId customer = app.onboard("+258841000001");

    app.runBackgroundWork();

    assertThat(deliveriesTo(all))
        .singleElement()
        .satisfies(d -> assertThat(d.status()).isEqualTo(WebhookDelivery.Status.DELIVERED));
    assertThat(deliveriesTo(closings)).isEmpty();
    assertThat(app.webhooks.sent())
        .singleElement()
        .satisfies(
            sent -> {
              assertThat(sent.event().type()).isEqualTo(EventType.CUSTOMER_CREATED);
              assertThat(sent.event().customerId()).isEqualTo(customer);
            });

    app.close.close(customer.value());
    app.runBackgroundWork();
    assertThat(deliveriesTo(closings)).hasSize(1);
    assertThat(deliveriesTo(all)).hasSize(2);
  }

  @Test
  void withoutEndpointsEventsLeaveTheOutboxAndAreNeverSentLater() {
    app.onboard("+258841000009");
    assertThat(app.useCases.dispatch().dispatch()).isEqualTo(1);
    endpoint("https://late.example.com/", "*");
    app.runBackgroundWork();
    assertThat(app.webhooks.sent()).isEmpty();
    assertThat(app.events.all()).hasSize(1); // the audit trail keeps it
  }

  @Test
  void anEventIsDispatchedOnce() {
    endpoint("https://all.example.com/", "*");
    app.onboard("+258841000002");
    app.runBackgroundWork();
    app.runBackgroundWork();
    assertThat(app.useCases.dispatch().dispatch()).isZero();
    assertThat(app.webhooks.sent()).hasSize(1);
  }

  @Test
  void aReceiverThatFailsTwiceThenSucceedsGetsExactlyTheRetries() {
    WebhookEndpoint receiver = endpoint("https://flaky.example.com/", "*");
    app.webhooks.answer(500, 503, 200);
    app.onboard("+258841000003");
    Instant start = app.clock.instant();

    app.runBackgroundWork(); // first try: 500
    assertThat(app.queue.waiting())
        .singleElement()
        .satisfies(e -> assertThat(e.at()).isEqualTo(start.plusSeconds(5)));

    app.clock.advance(Duration.ofSeconds(4));
    app.runBackgroundWork();
    assertThat(app.webhooks.sent()).hasSize(1); // not due yet

    app.clock.advance(Duration.ofSeconds(1));
    app.runBackgroundWork(); // second try: 503, then 5 minutes
    app.clock.advance(Duration.ofMinutes(5));
    app.runBackgroundWork(); // third try: 200

    WebhookDelivery delivery = deliveriesTo(receiver).get(0);
    assertThat(delivery.status()).isEqualTo(WebhookDelivery.Status.DELIVERED);
    assertThat(delivery.attempts())
        .extracting(a -> a.statusCode().getAsInt())
        .containsExactly(500, 503, 200);
    assertThat(delivery.attempts())
        .extracting(DeliveryAttempt::attemptedAt)
        .containsExactly(
            start, start.plusSeconds(5), start.plusSeconds(5).plus(Duration.ofMinutes(5)));

    app.clock.advance(Duration.ofDays(3));
    app.runBackgroundWork();
    assertThat(app.webhooks.sent()).hasSize(3);
    assertThat(app.queue.waiting()).isEmpty();
  }

  @Test
  void aReceiverThatNeverSucceedsIsTriedOnScheduleThenMarkedFailed() {
    WebhookEndpoint receiver = endpoint("https://down.example.com/", "*");
    Integer[] failures = new Integer[RetrySchedule.MAX_ATTEMPTS];
    java.util.Arrays.fill(failures, 502);
    app.webhooks.answer(failures);
    app.onboard("+258841000004");

    app.runBackgroundWork();
    for (Duration delay : RetrySchedule.DELAYS) {
      app.clock.advance(delay);
      app.runBackgroundWork();
    }

    WebhookDelivery delivery = deliveriesTo(receiver).get(0);
    assertThat(delivery.status()).isEqualTo(WebhookDelivery.Status.FAILED);
    assertThat(delivery.attempts()).hasSize(8);
    assertThat(delivery.nextAttemptAt()).isEmpty();
    assertThat(app.queue.waiting()).isEmpty();
  }

  @Test
  void deletingAnEndpointCancelsWhatWasStillPending() {
    WebhookEndpoint receiver = endpoint("https://gone.example.com/", "*");
    app.webhooks.answer(500);
    app.onboard("+258841000005");
    app.runBackgroundWork();

    endpoints.delete(receiver.id().value());
    app.clock.advance(Duration.ofSeconds(5));
    app.runBackgroundWork();

    assertThat(app.webhooks.sent()).hasSize(1);
    assertThat(deliveriesTo(receiver).get(0).status()).isEqualTo(WebhookDelivery.Status.CANCELLED);
    assertThat(endpoints.get(receiver.id().value()).isDeleted()).isTrue();

    app.onboard("+258841000006");
    app.runBackgroundWork();
    assertThat(deliveriesTo(receiver)).hasSize(1);
  }
}
