package com.customerservice.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.customerservice.application.fixtures.InMemoryApplication;
import com.customerservice.application.port.in.ListCustomersUseCase;
import com.customerservice.application.port.in.UpdateCustomerUseCase;
import com.customerservice.application.port.in.UploadIdentityDocumentUseCase;
import com.customerservice.application.port.in.UploadSelfieUseCase;
import com.customerservice.domain.customer.Address;
import com.customerservice.domain.customer.Customer;
import com.customerservice.domain.customer.CustomerChanges;
import com.customerservice.domain.customer.CustomerFilter;
import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.customer.CustomerPage;
import com.customerservice.domain.customer.CustomerQuery;
import com.customerservice.domain.customer.KycStatus;
import com.customerservice.domain.customer.PhoneNumber;
import com.customerservice.domain.customer.SensitiveId;
import com.customerservice.domain.error.ConflictException;
import com.customerservice.domain.error.NotFoundException;
import com.customerservice.domain.error.RateLimitedException;
import com.customerservice.domain.event.Actor;
import com.customerservice.domain.event.CustomerEvent;
import com.customerservice.domain.fixtures.TestImages;
import com.customerservice.domain.port.CustomerRepository;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading, updating, closing a customer and finding a receiver. */
class CustomerProfileUseCasesTest {
  private final InMemoryApplication app = new InMemoryApplication();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "cus_abcdefghijklmnopqrstuvwx",
        "usr_abc12345",
        "cus_abc",
        "",
        "supported-documents"
      })
  void anIdThatNamesNoCustomerIsNotFound(String id) {
    assertThatThrownBy(() -> app.get.get(id)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () ->
                app.update.update(
                    new UpdateCustomerUseCase.Command(
                        id, CustomerChanges.builder().firstName("A").build())))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> app.close.close(id)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void aNullIdIsNotFound() {
    assertThatThrownBy(() -> app.get.get(null)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void getsAnActiveCustomer() {
    CustomerId id = app.onboard("+258841234567");
    assertThat(app.get.get(id.value()).id()).isEqualTo(id);
  }

  @Test
  void anUpdateChangesTheNamedFieldsAndBumpsTheTimestamp() {
    CustomerId id = app.onboard("+258841234567");
    app.clock.advance(Duration.ofMinutes(3));
    Customer updated =
        app.update.update(
            new UpdateCustomerUseCase.Command(
                id.value(),
                CustomerChanges.builder()
                    .firstName("John")
                    .address(Address.parse("Av. Julius Nyerere^Maputo^Mozambique"))
                    .taxId(SensitiveId.of("tax_id", "123456789"))
                    .build()));
    assertThat(updated.profile().firstName().value()).isEqualTo("John");
    assertThat(updated.profile().address().city()).isEqualTo("Maputo");
    assertThat(updated.updatedAt()).isEqualTo(app.clock.instant());
    Customer read = app.get.get(id.value());
    assertThat(read.governmentIds().taxId().reveal()).isEqualTo("123456789");
    assertThat(read.version()).isEqualTo(updated.version());
  }

  @Test
  void ofTwoConcurrentUpdatesFromOneReadTheSecondIsAConflict() throws Exception {
    CustomerId id = app.onboard("+258841234567");
    // Both requests read the customer before either writes, as two database transactions would.
    CyclicBarrier bothRead = new CyclicBarrier(2);
    CustomerRepository readingTogether = new BarrierOnRead(app.customers, bothRead);
    var service = new UpdateCustomerService(readingTogether, app.clock);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Object> a = pool.submit(() -> outcome(() -> service.update(rename(id, "A"))));
      Future<Object> b = pool.submit(() -> outcome(() -> service.update(rename(id, "B"))));
      List<Object> outcomes = List.of(a.get(30, TimeUnit.SECONDS), b.get(30, TimeUnit.SECONDS));
      assertThat(outcomes).filteredOn(o -> o instanceof Customer).hasSize(1);
      assertThat(outcomes)
          .filteredOn(o -> o instanceof ConflictException)
          .singleElement()
          .satisfies(
              e ->
                  assertThat(((ConflictException) e).code())
                      .isEqualTo(ConflictException.CONCURRENT_MODIFICATION));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aClosedCustomerIsInvisibleEverywhereAndItsPhoneMayRegisterAgain() {
    CustomerId id = app.onboard("+258841234567");
    assertThat(app.close.close(id.value())).isEqualTo(id);

    assertThatThrownBy(() -> app.get.get(id.value())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> app.close.close(id.value())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> app.receiver.find("+258841234567"))
        .isInstanceOf(NotFoundException.class);
    assertThat(app.list.list(query()).customers()).isEmpty();
    assertThat(app.customers.allStored()).hasSize(1); // kept for compliance

    app.clock.advance(Duration.ofMinutes(1));
    CustomerId again = app.onboard("+258841234567");
    assertThat(again).isNotEqualTo(id);
    assertThat(app.receiver.find("+258841234567").id()).isEqualTo(again);
  }

  @ParameterizedTest
  @ValueSource(strings = {"258841234567", "+258 84 123 4567", "", "+99912345678", "+258841234569"})
  void aReceiverPhoneThatNamesNoCustomerIsNotFound(String phone) {
    app.onboard("+258841234567");
    assertThatThrownBy(() -> app.receiver.find(phone))
        .isInstanceOfSatisfying(
            NotFoundException.class, e -> assertThat(e.param()).contains("phone_number"));
  }

  @Test
  void receiverLookUpsSpendTheCallersBudgetFoundOrNot() {
    app.onboard("+258841234567");
    Actor scraper = Actor.apiKey("scraper");
    for (int i = 0; i < GetReceiverService.DEFAULT_BURST; i++) {
      String phone = String.format("+2588412%05d", i);
      app.calls.callAs(
          scraper,
          null,
          () -> {
            try {
              return app.receiver.find(phone);
            } catch (NotFoundException notACustomer) {
              return null;
            }
          });
    }
    assertThatThrownBy(
            () -> app.calls.callAs(scraper, null, () -> app.receiver.find("+258841234567")))
        .isInstanceOfSatisfying(
            RateLimitedException.class, e -> assertThat(e.retryAfter()).isPresent());
    assertThat(
            app.calls.callAs(
                Actor.apiKey("wallet"), null, () -> app.receiver.find("+258841234567")))
        .isNotNull();
    app.clock.advance(Duration.ofMillis(1000 / GetReceiverService.DEFAULT_RATE));
    assertThat(app.calls.callAs(scraper, null, () -> app.receiver.find("+258841234567")))
        .isNotNull();
  }

  @Test
  void reopeningKycUnlocksTheVerifiedIdentity() {
    CustomerId id = app.onboard("+258841234567");
    var document =
        app.uploadDocument.upload(
            new UploadIdentityDocumentUseCase.Command(
                id.value(),
                () ->
                    new UploadIdentityDocumentUseCase.Document(
                        "MZ_PASSPORT", TestImages.jpegImage(), Optional.empty())));
    app.uploadSelfie.upload(
        new UploadSelfieUseCase.Command(
            id.value(),
            () ->
                new UploadSelfieUseCase.Selfie(
                    document.document().reference().value(), TestImages.jpegImage())));
    Customer reopened = app.reopenKyc.reopen(id.value());
    assertThat(reopened.kycStatus()).isEqualTo(KycStatus.UNVERIFIED);
    var rename = CustomerChanges.builder().firstName("Joana").build();
    assertThat(
            app.update
                .update(new UpdateCustomerUseCase.Command(id.value(), rename))
                .profile()
                .firstName()
                .value())
        .isEqualTo("Joana");
    assertThatThrownBy(() -> app.reopenKyc.reopen("cus_nope"))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void findsTheReceiverOfAPhone() {
    CustomerId id = app.onboard("+258841234567");
    assertThat(app.receiver.find("+258841234567").id()).isEqualTo(id);
  }

  private static ListCustomersUseCase.Query query() {
    return new ListCustomersUseCase.Query(50, Optional.empty(), CustomerFilter.none());
  }

  private static UpdateCustomerUseCase.Command rename(CustomerId id, String name) {
    return new UpdateCustomerUseCase.Command(
        id.value(), CustomerChanges.builder().firstName(name).build());
  }

  private static Object outcome(Supplier<?> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      return e;
    }
  }

  /**
   * A repository whose reads wait until two readers have read, to force a read-read-write-write
   * race.
   */
  private static final class BarrierOnRead implements CustomerRepository {
    private final CustomerRepository delegate;
    private final CyclicBarrier barrier;

    BarrierOnRead(CustomerRepository delegate, CyclicBarrier barrier) {
      this.delegate = delegate;
      this.barrier = barrier;
    }

    @Override
    public void insert(Customer customer, List<CustomerEvent> events) {
      delegate.insert(customer, events);
    }

    @Override
    public Customer update(Customer changed, List<CustomerEvent> events) {
      return delegate.update(changed, events);
    }

    @Override
    public Optional<Customer> findActive(CustomerId id) {
      Optional<Customer> read = delegate.findActive(id);
      try {
        barrier.await(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      return read;
    }

    @Override
    public boolean exists(CustomerId id) {
      return delegate.exists(id);
    }

    @Override
    public Optional<Customer> findActiveByPhone(PhoneNumber phone) {
      return delegate.findActiveByPhone(phone);
    }

    @Override
    public CustomerPage page(CustomerQuery query) {
      return delegate.page(query);
    }
  }
}
