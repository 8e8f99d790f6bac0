package com.customerservice.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.customerservice.domain.customer.Customer;
import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.error.ConflictException;
import com.customerservice.domain.event.Actor;
import com.customerservice.domain.event.CustomerEvent;
import com.customerservice.domain.event.EventData;
import com.customerservice.domain.event.EventFilter;
import com.customerservice.domain.event.EventId;
import com.customerservice.domain.event.EventPage;
import com.customerservice.domain.event.EventQuery;
import com.customerservice.domain.event.EventType;
import com.customerservice.domain.fixtures.CustomerBuilder;
import com.customerservice.domain.port.Storage;
import com.customerservice.domain.webhook.DeliveryAttempt;
import com.customerservice.domain.webhook.DeliveryError;
import com.customerservice.domain.webhook.DeliveryId;
import com.customerservice.domain.webhook.DeliveryPage;
import com.customerservice.domain.webhook.EnabledEvents;
import com.customerservice.domain.webhook.EndpointUrl;
import com.customerservice.domain.webhook.WebhookDelivery;
import com.customerservice.domain.webhook.WebhookEndpoint;
import com.customerservice.domain.webhook.WebhookEndpointId;
import com.customerservice.domain.webhook.WebhookSecret;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every store of events, webhook endpoints and deliveries must do: the event log is an outbox
 * (appended in the caller's transaction, each event taken for dispatch once) and a newest-first
 * audit trail; endpoints keep their secrets; deliveries keep every try.
 */
public abstract class EventAndWebhookStoreContract {
  private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
  protected final SecureRandom random = new SecureRandom();

  /** A store whose event log holds no event yet (each test class gets a fresh one). */
  protected abstract Storage storage();

  private CustomerEvent event(CustomerId customer, EventType type, Instant at) {
    return new CustomerEvent(
        EventId.KIND.next(random),
        type,
        customer,
        at,
        EventData.empty()
            .with("changed_fields", List.of("email", "tax_id"))
            .with("failed_selfies", 2)
            .with("doc_type", "MZ_BI"),
        Actor.apiKey("mobile-app"),
        Optional.of("req_contract"));
  }

  private List<CustomerEvent> appendThree(CustomerId customer) {
    List<CustomerEvent> events =
        List.of(
            event(customer, EventType.CUSTOMER_CREATED, T0),
            event(customer, EventType.CUSTOMER_UPDATED, T0.plusSeconds(1)),
            event(customer, EventType.CUSTOMER_CLOSED, T0.plusSeconds(2)));
    storage().events().append(events);
    return events;
  }

  private List<CustomerEvent> drainUndispatched() {
    List<CustomerEvent> all = new ArrayList<>();
    List<CustomerEvent> taken;
    do {
      taken = storage().unitOfWork().inTransaction(() -> storage().events().takeUndispatched(50));
      all.addAll(taken);
    } while (!taken.isEmpty());
    return all;
  }

  @Test
  void aCustomerWriteStoresItsEventsWithIt() {
    Customer customer = CustomerBuilder.aCustomer().build();
    CustomerEvent created = event(customer.id(), EventType.CUSTOMER_CREATED, T0);
    storage().customers().insert(customer, List.of(created));
    Customer stored = storage().customers().findActive(customer.id()).orElseThrow();
    CustomerEvent updated = event(customer.id(), EventType.CUSTOMER_UPDATED, T0.plusSeconds(1));
    CustomerEvent closed = event(customer.id(), EventType.CUSTOMER_CLOSED, T0.plusSeconds(1));
    storage().customers().update(stored.close(T0.plusSeconds(1)), List.of(updated, closed));

    assertThat(storage().events().find(created.id())).contains(created);
    assertThat(storage().events().find(updated.id())).contains(updated);
    assertThat(drainUndispatched()).contains(created, updated, closed);
  }

  @Test
  void aCustomerWriteThatFailsStoresNoneOfItsEvents() {
    Customer customer = CustomerBuilder.aCustomer().build();
    storage().customers().insert(customer, List.of());
    Customer stored = storage().customers().findActive(customer.id()).orElseThrow();
    storage().customers().update(stored.close(T0), List.of());

    // A stale version: the write finds no row, so none of its events may be kept.
    CustomerEvent lost = event(customer.id(), EventType.CUSTOMER_CLOSED, T0);
    assertThatThrownBy(() -> storage().customers().update(stored.close(T0), List.of(lost)))
        .isInstanceOf(ConflictException.class);
    // A refused insert (the phone is taken by an active customer) keeps no event either.
    Customer holder = CustomerBuilder.aCustomer().build();
    storage().customers().insert(holder, List.of());
    Customer twin = CustomerBuilder.aCustomer().phone(holder.phone().e164()).build();
    CustomerEvent refused = event(twin.id(), EventType.CUSTOMER_CREATED, T0);
    assertThatThrownBy(() -> storage().customers().insert(twin, List.of(refused)))
        .isInstanceOf(ConflictException.class);

    assertThat(storage().events().find(lost.id())).isEmpty();
    assertThat(storage().events().find(refused.id())).isEmpty();
    assertThat(drainUndispatched()).doesNotContain(lost, refused);
  }

  @Test
  void skippedEventsAreNotTakenAgain() {
    drainUndispatched();
    List<CustomerEvent> appended = appendThree(CustomerId.KIND.next(random));
    assertThat(storage().unitOfWork().inTransaction(() -> storage().events().skipUndispatched(2)))
        .isEqualTo(2);
    assertThat(drainUndispatched()).hasSize(1).isSubsetOf(appended);
    assertThat(storage().events().find(appended.get(0).id())).contains(appended.get(0));
  }

  @Test
  void anEventReadsBackAsItWasAppended() {
    CustomerEvent event = event(CustomerId.KIND.next(random), EventType.CUSTOMER_UPDATED, T0);
    CustomerEvent anonymous =
        new CustomerEvent(
            EventId.KIND.next(random),
            EventType.KYC_VERIFIED,
            event.customerId(),
            T0,
            EventData.empty(),
            Actor.kycProvider("smile_id"),
            Optional.empty());
    storage().events().append(List.of(event, anonymous));

    assertThat(storage().events().find(event.id())).contains(event);
    assertThat(storage().events().find(anonymous.id())).contains(anonymous);
    assertThat(storage().events().find(EventId.KIND.next(random))).isEmpty();
  }

  @Test
  void anAppendThatRollsBackKeepsNothing() {
    CustomerEvent event = event(CustomerId.KIND.next(random), EventType.CUSTOMER_CREATED, T0);
    assertThatThrownBy(
            () ->
                storage()
                    .unitOfWork()
                    .inTransaction(
                        () -> {
                          storage().events().append(List.of(event));
                          throw new IllegalStateException("the change fails");
                        }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(storage().events().find(event.id())).isEmpty();
    assertThat(drainUndispatched()).doesNotContain(event);
  }

  @Test
  void pagesAreNewestFirstFilteredAndNeverRepeatAnEvent() {
    CustomerId customer = CustomerId.KIND.next(random);
    List<CustomerEvent> appended = appendThree(customer);
    // Two more at the very same instant: the id breaks the tie.
    storage()
        .events()
        .append(
            List.of(
                event(customer, EventType.CUSTOMER_UPDATED, T0.plusSeconds(1)),
                event(customer, EventType.CUSTOMER_UPDATED, T0.plusSeconds(1))));

    List<CustomerEvent> seen = new ArrayList<>();
    EventFilter mine = EventFilter.forCustomer(customer);
    EventPage page = storage().events().page(new EventQuery(mine, 2, Optional.empty()));
    seen.addAll(page.events());
    while (page.next().isPresent()) {
      page = storage().events().page(new EventQuery(mine, 2, page.next()));
      seen.addAll(page.events());
    }
    assertThat(seen).hasSize(5).doesNotHaveDuplicates();
    assertThat(seen.get(0)).isEqualTo(appended.get(2));
    assertThat(seen.get(4)).isEqualTo(appended.get(0));

    EventFilter updates = new EventFilter(EventType.CUSTOMER_UPDATED, customer, null, null);
    assertThat(storage().events().page(new EventQuery(updates, 10, Optional.empty())).events())
        .hasSize(3)
        .allSatisfy(e -> assertThat(e.type()).isEqualTo(EventType.CUSTOMER_UPDATED));

    EventFilter window = new EventFilter(null, customer, T0, T0.plusSeconds(2));
    assertThat(storage().events().page(new EventQuery(window, 10, Optional.empty())).events())
        .extracting(CustomerEvent::createdAt)
        .containsOnly(T0.plusSeconds(1));
  }

  @Test
  void eachEventIsTakenForDispatchOnceAndARolledBackTakeGivesItBack() {
    drainUndispatched();
    List<CustomerEvent> appended = appendThree(CustomerId.KIND.next(random));

    assertThatThrownBy(
            () ->
                storage()
                    .unitOfWork()
                    .inTransaction(
                        () -> {
                          assertThat(storage().events().takeUndispatched(10)).hasSize(3);
                          throw new IllegalStateException("the relay fails mid-batch");
                        }))
        .isInstanceOf(IllegalStateException.class);

    List<CustomerEvent> first =
        storage().unitOfWork().inTransaction(() -> storage().events().takeUndispatched(2));
    List<CustomerEvent> rest = drainUndispatched();
    // No order is promised (deliveries are in no promised order); each event once is.
    assertThat(first).hasSize(2).doesNotContainAnyElementsOf(rest);
    assertThat(rest).hasSize(1);
    assertThat(java.util.stream.Stream.concat(first.stream(), rest.stream()))
        .containsExactlyInAnyOrderElementsOf(appended);
    assertThat(drainUndispatched()).isEmpty();
  }

  private WebhookEndpoint endpoint(EnabledEvents events) {
    return WebhookEndpoint.create(
        WebhookEndpointId.KIND.next(random),
        new EndpointUrl(URI.create("https://receiver.example.com/hooks?tenant=1")),
        events,
        "AML screening",
        WebhookSecret.generate(random),
        T0);
  }

  @Test
  void anEndpointKeepsItsSecretAndADeletedOneLeavesTheEnabledList() {
    WebhookEndpoint all = endpoint(EnabledEvents.parse(List.of("*")));
    WebhookEndpoint some =
        endpoint(EnabledEvents.parse(List.of("customer.created", "customer.kyc.verified")));
    storage().webhookEndpoints().insert(all);
    storage().webhookEndpoints().insert(some);

    WebhookEndpoint read = storage().webhookEndpoints().find(some.id()).orElseThrow();
    assertThat(read.secret()).isEqualTo(some.secret());
    assertThat(read.url()).isEqualTo(some.url());
    assertThat(read.enabledEvents().types())
        .isEqualTo(Set.of(EventType.CUSTOMER_CREATED, EventType.KYC_VERIFIED));
    assertThat(read.description()).contains("AML screening");
    assertThat(storage().webhookEndpoints().find(all.id()).orElseThrow().enabledEvents().all())
        .isTrue();

    storage().webhookEndpoints().update(some.delete(T0.plusSeconds(60)));
    assertThat(storage().webhookEndpoints().enabled())
        .extracting(WebhookEndpoint::id)
        .contains(all.id())
        .doesNotContain(some.id());
    assertThat(storage().webhookEndpoints().find(some.id()).orElseThrow().deletedAt())
        .contains(T0.plusSeconds(60));
  }

  @Test
  void aDeliveryKeepsEveryTryAndPagesNewestFirst() {
    WebhookEndpoint endpoint = endpoint(EnabledEvents.parse(List.of("*")));
    storage().webhookEndpoints().insert(endpoint);
    List<CustomerEvent> events = appendThree(CustomerId.KIND.next(random));
    List<WebhookDelivery> deliveries = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      CustomerEvent event = events.get(i);
      deliveries.add(
          WebhookDelivery.due(
              DeliveryId.KIND.next(random),
              endpoint.id(),
              event.id(),
              event.type(),
              T0.plusSeconds(i)));
    }
    storage().webhookDeliveries().insert(deliveries);

    WebhookDelivery first = deliveries.get(0);
    WebhookDelivery retried =
        first
            .after(DeliveryAttempt.failed(T0, DeliveryError.TIMEOUT, Duration.ofSeconds(10)))
            .after(
                DeliveryAttempt.answered(
                        T0.plusSeconds(5), 503, Duration.ofMillis(42), "{\"busy\":true}")
                    .withRequestedDelay(Duration.ofMillis(300_500)));
    storage().webhookDeliveries().update(retried);
    WebhookDelivery delivered =
        retried.after(DeliveryAttempt.answered(T0.plusSeconds(305), 204, Duration.ofMillis(7), ""));
    storage().webhookDeliveries().update(delivered);

    WebhookDelivery read = storage().webhookDeliveries().find(first.id()).orElseThrow();
    assertThat(read.status()).isEqualTo(WebhookDelivery.Status.DELIVERED);
    assertThat(read.nextAttemptAt()).isEmpty();
    assertThat(read.attempts()).containsExactlyElementsOf(delivered.attempts());

    DeliveryPage page =
        storage()
            .webhookDeliveries()
            .page(new DeliveryPage.Query(endpoint.id(), 2, Optional.empty()));
    assertThat(page.deliveries())
        .extracting(WebhookDelivery::id)
        .containsExactly(deliveries.get(2).id(), deliveries.get(1).id());
    DeliveryPage rest =
        storage().webhookDeliveries().page(new DeliveryPage.Query(endpoint.id(), 2, page.next()));
    assertThat(rest.deliveries()).extracting(WebhookDelivery::id).containsExactly(first.id());
    assertThat(rest.next()).isEmpty();
  }
}
