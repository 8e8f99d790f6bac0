package com.customerservice.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerservice.application.context.PerThreadCallContext;
import com.customerservice.application.port.in.InitiateCustomerCreationUseCase;
import com.customerservice.application.port.in.UpdateCustomerUseCase;
import com.customerservice.application.port.in.VerifyPhoneUseCase;
import com.customerservice.application.service.CodeDisclosure;
import com.customerservice.application.service.InitiateCustomerCreationService;
import com.customerservice.application.service.UpdateCustomerService;
import com.customerservice.application.service.VerifyPhoneService;
import com.customerservice.domain.customer.Customer;
import com.customerservice.domain.customer.CustomerChanges;
import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.customer.PhoneNumber;
import com.customerservice.domain.error.ConflictException;
import com.customerservice.domain.error.RateLimitedException;
import com.customerservice.domain.event.Actor;
import com.customerservice.domain.event.CustomerEvent;
import com.customerservice.domain.event.EventData;
import com.customerservice.domain.event.EventId;
import com.customerservice.domain.event.EventType;
import com.customerservice.domain.kyc.KycCheck;
import com.customerservice.domain.kyc.VendorFindings;
import com.customerservice.domain.kyc.Verdict;
import com.customerservice.domain.verification.OtpCode;
import com.customerservice.domain.verification.OtpHasher;
import com.customerservice.domain.verification.OtpSendPolicy;
import com.customerservice.domain.webhook.DeliveryAttempt;
import com.customerservice.domain.webhook.DeliveryId;
import com.customerservice.domain.webhook.DeliveryPage;
import com.customerservice.domain.webhook.EnabledEvents;
import com.customerservice.domain.webhook.EndpointUrl;
import com.customerservice.domain.webhook.WebhookDelivery;
import com.customerservice.domain.webhook.WebhookEndpoint;
import com.customerservice.domain.webhook.WebhookEndpointId;
import com.customerservice.domain.webhook.WebhookSecret;
import com.customerservice.testkit.contract.KycGround;
import com.customerservice.testkit.contract.KycGround.Applicant;
import com.customerservice.testkit.fakes.MutableClock;
import com.customerservice.testkit.fakes.RecordingOtpSender;
import com.customerservice.testkit.fakes.TestKeys;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The races that matter, run against PostgreSQL with real transactions. */
class PostgresConcurrencyIT {
  private static final int THREADS = 12;
  private final PostgresDatabase database = TestDatabase.fresh();
  private final MutableClock clock = MutableClock.at("2026-03-01T08:00:00Z");
  private final SecureRandom random = new SecureRandom();
  private final RecordingOtpSender sms = new RecordingOtpSender();
  private final OtpHasher hasher = new OtpHasher(TestKeys.hmacKey());
  private final InitiateCustomerCreationService initiate =
      new InitiateCustomerCreationService(
          database.customers(),
          database.sessions(),
          sms,
          hasher,
          random,
          clock,
          CodeDisclosure.NEVER,
          OtpSendPolicy.unlimited(),
          (limit, subject) -> {},
          new PerThreadCallContext());
  private final KycGround kyc = new KycGround(() -> database);
  private final VerifyPhoneService verify =
      new VerifyPhoneService(database.sessions(), hasher, random, clock);

  @AfterEach
  void close() {
    database.close();
  }

  private long customersWithPhone(PhoneNumber phone) {
    return Jdbi.create(database.dataSource())
        .withHandle(
            h ->
                h.createQuery("SELECT count(*) FROM customer WHERE phone = :phone")
                    .bind("phone", phone.e164())
                    .mapTo(Long.class)
                    .one());
  }

  private static List<Object> race(List<Callable<Object>> calls) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(calls.size());
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<Object>> futures = new ArrayList<>();
      for (Callable<Object> call : calls) {
        futures.add(
            pool.submit(
                () -> {
                  go.await();
                  try {
                    return call.call();
                  } catch (RuntimeException e) {
                    return e;
                  }
                }));
      }
      go.countDown();
      List<Object> outcomes = new ArrayList<>();
      for (Future<Object> future : futures) {
        outcomes.add(future.get(60, TimeUnit.SECONDS));
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void manyThreadsVerifyingOneSessionCreateExactlyOneCustomer() throws Exception {
    PhoneNumber phone = new PhoneNumber("+258843000001");
    var started = initiate.initiate(new InitiateCustomerCreationUseCase.Command(phone));
    OtpCode code = sms.lastCodeFor(phone).orElseThrow();
    List<Callable<Object>> calls = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      calls.add(
          () ->
              verify
                  .verify(new VerifyPhoneUseCase.Command(started.sessionId().value(), code))
                  .customerId());
    }
    List<Object> outcomes = race(calls);
    assertThat(outcomes).allMatch(o -> o instanceof CustomerId);
    assertThat(outcomes.stream().distinct()).hasSize(1);
    assertThat(customersWithPhone(phone)).isEqualTo(1);
  }

  @Test
  void twoSessionsForOnePhoneVerifiedAtOnceCreateOneCustomer() throws Exception {
    PhoneNumber phone = new PhoneNumber("+258843000002");
    var first = initiate.initiate(new InitiateCustomerCreationUseCase.Command(phone));
    OtpCode firstCode = sms.lastCodeFor(phone).orElseThrow();
    clock.advance(Duration.ofSeconds(31));
    var second = initiate.initiate(new InitiateCustomerCreationUseCase.Command(phone));
    OtpCode secondCode = sms.lastCodeFor(phone).orElseThrow();
    List<Object> outcomes =
        race(
            List.of(
                () ->
                    verify.verify(
                        new VerifyPhoneUseCase.Command(first.sessionId().value(), firstCode)),
                () ->
                    verify.verify(
                        new VerifyPhoneUseCase.Command(second.sessionId().value(), secondCode))));
    assertThat(outcomes).filteredOn(o -> o instanceof VerifyPhoneUseCase.Verified).hasSize(1);
    assertThat(outcomes)
        .filteredOn(o -> o instanceof ConflictException c && c.isPhoneNumberTaken())
        .hasSize(1);
    assertThat(customersWithPhone(phone)).isEqualTo(1);
  }

  @Test
  void concurrentInitiationsForOnePhoneSendOneCode() throws Exception {
    PhoneNumber phone = new PhoneNumber("+258843000003");
    List<Callable<Object>> calls = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      calls.add(() -> initiate.initiate(new InitiateCustomerCreationUseCase.Command(phone)));
    }
    List<Object> outcomes = race(calls);
    assertThat(outcomes)
        .filteredOn(o -> o instanceof InitiateCustomerCreationUseCase.Started)
        .hasSize(1);
    assertThat(outcomes).filteredOn(o -> o instanceof RateLimitedException).hasSize(THREADS - 1);
    assertThat(sms.sent()).hasSize(1);
  }

  @Test
  void concurrentUpdatesOfOneCustomerNeverLoseAWrite() throws Exception {
    PhoneNumber phone = new PhoneNumber("+258843000004");
    var started = initiate.initiate(new InitiateCustomerCreationUseCase.Command(phone));
    CustomerId id =
        verify
            .verify(
                new VerifyPhoneUseCase.Command(
                    started.sessionId().value(), sms.lastCodeFor(phone).orElseThrow()))
            .customerId();
    var update = new UpdateCustomerService(database.customers(), clock);
    List<Callable<Object>> calls = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      String name = "Name" + i;
      calls.add(
          () ->
              update.update(
                  new UpdateCustomerUseCase.Command(
                      id.value(), CustomerChanges.builder().firstName(name).build())));
    }
    List<Object> outcomes = race(calls);
    long wins = outcomes.stream().filter(o -> o instanceof Customer).count();
    long conflicts = outcomes.stream().filter(o -> o instanceof ConflictException).count();
    assertThat(wins + conflicts).isEqualTo(THREADS);
    assertThat(wins).isPositive();
    // Every win bumped the version exactly once: no update was silently overwritten.
    assertThat(database.customers().findActive(id).orElseThrow().version()).isEqualTo(1 + wins);
  }

  @Test
  void ofTwoVerdictsAppliedAtOnceToOneCheckExactlyOneIsKept() throws Exception {
    KycCheck stored = database.kycChecks().insert(kyc.pending(kyc.applicant(), clock.instant()));
    CyclicBarrier bothRead = new CyclicBarrier(2);
    Callable<Object> decide =
        () ->
            database
                .unitOfWork()
                .inTransaction(
                    () -> {
                      KycCheck read = database.kycChecks().find(stored.id()).orElseThrow();
                      await(bothRead); // both hold version 1 before either writes
                      return database
                          .kycChecks()
                          .update(
                              read.decide(
                                  new Verdict.Approved(Optional.empty(), VendorFindings.none()),
                                  clock.instant()));
                    });

    List<Object> outcomes = race(List.of(decide, decide));

    assertThat(outcomes).filteredOn(o -> o instanceof KycCheck).hasSize(1);
    assertThat(conflicts(outcomes, ConflictException.CONCURRENT_MODIFICATION)).isEqualTo(1);
    assertThat(database.kycChecks().find(stored.id()).orElseThrow().version()).isEqualTo(2);
  }

  @Test
  void ofTwoSelfiesCheckedAtOnceForOneCustomerExactlyOneWaitsForItsVendor() throws Exception {
    Applicant applicant = kyc.applicant();
    CustomerId customer = applicant.id();
    KycCheck first = kyc.pending(applicant, clock.instant());
    KycCheck second = kyc.pending(applicant, clock.instant());
    CyclicBarrier bothLooked = new CyclicBarrier(2);
    List<Callable<Object>> calls = new ArrayList<>();
    for (KycCheck check : List.of(first, second)) {
      calls.add(
          () ->
              database
                  .unitOfWork()
                  .inTransaction(
                      () -> {
                        // As a use case does: each sees no pending check, then inserts its own.
                        boolean none = database.kycChecks().findPending(customer).isEmpty();
                        await(bothLooked);
                        return none ? database.kycChecks().insert(check) : null;
                      }));
    }

    List<Object> outcomes = race(calls);

    assertThat(outcomes).filteredOn(o -> o instanceof KycCheck).hasSize(1);
    assertThat(conflicts(outcomes, ConflictException.KYC_CHECK_IN_PROGRESS)).isEqualTo(1);
    assertThat(database.kycChecks().ofCustomer(customer, 10)).hasSize(1);
  }

  private static long conflicts(List<Object> outcomes, String code) {
    return outcomes.stream()
        .filter(o -> o instanceof ConflictException c && code.equals(c.code()))
        .count();
  }

  /**
   * A delivery log read while tries are recorded shows each delivery as one commit left it: never a
   * 2xx try on a delivery still {@code pending} (the delivery and its tries read in two statements
   * could straddle a try's commit).
   */
  @Test
  void aDeliveryLogReadWhileTriesCommitNeverShowsATryItsStatusDoesNotReflect() throws Exception {
    WebhookEndpoint endpoint =
        WebhookEndpoint.create(
            WebhookEndpointId.KIND.next(random),
            EndpointUrl.parse("https://receiver.example.com/hooks", EndpointUrl.Rules.production()),
            EnabledEvents.parse(List.of("*")),
            null,
            WebhookSecret.generate(random),
            clock.instant());
    database.webhookEndpoints().insert(endpoint);
    List<WebhookDelivery> due = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      CustomerEvent event =
          new CustomerEvent(
              EventId.KIND.next(random),
              EventType.CUSTOMER_CREATED,
              CustomerId.KIND.next(random),
              clock.instant(),
              EventData.empty(),
              Actor.apiKey("test"),
              Optional.empty());
      database.events().append(List.of(event));
      due.add(
          WebhookDelivery.due(
              DeliveryId.KIND.next(random),
              endpoint.id(),
              event.id(),
              event.type(),
              clock.instant().plusMillis(i)));
    }
    database.webhookDeliveries().insert(due);
    AtomicBoolean writing = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> writer =
          pool.submit(
              () -> {
                try {
                  for (WebhookDelivery d : due) {
                    WebhookDelivery delivered =
                        d.after(
                            DeliveryAttempt.answered(
                                clock.instant(), 204, Duration.ofMillis(3), ""));
                    database
                        .unitOfWork()
                        .inTransaction(() -> database.webhookDeliveries().update(delivered));
                  }
                } finally {
                  writing.set(false);
                }
              });
      List<WebhookDelivery> inconsistent = new ArrayList<>();
      int reads = 0;
      while (writing.get() && inconsistent.isEmpty()) {
        for (WebhookDelivery read :
            database
                .webhookDeliveries()
                .page(new DeliveryPage.Query(endpoint.id(), 100, Optional.empty()))
                .deliveries()) {
          if (read.isPending() != read.attempts().isEmpty()) {
            inconsistent.add(read);
          }
        }
        reads++;
      }
      writer.get(60, TimeUnit.SECONDS);
      assertThat(reads).as("reads while the tries were being recorded").isPositive();
      assertThat(inconsistent).isEmpty();
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The relay that found no endpoint lets its events go; an endpoint created meanwhile would miss
   * the events committed between that read and the relay's commit. So its creation waits.
   */
  @Test
  void anEndpointCreatedWhileTheRelayLetsEventsGoWaitsForTheRelayToCommit() throws Exception {
    CountDownLatch relayRead = new CountDownLatch(1);
    CountDownLatch relayMayCommit = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> relay =
          pool.submit(
              () ->
                  database
                      .unitOfWork()
                      .inTransaction(
                          () -> {
                            assertThat(database.webhookEndpoints().enabled()).isEmpty();
                            relayRead.countDown();
                            await(relayMayCommit);
                            database.events().skipUndispatched(500);
                          }));
      assertThat(relayRead.await(10, TimeUnit.SECONDS)).isTrue();
      Future<?> creation =
          pool.submit(
              () ->
                  database
                      .webhookEndpoints()
                      .insert(
                          WebhookEndpoint.create(
                              WebhookEndpointId.KIND.next(random),
                              EndpointUrl.parse(
                                  "https://receiver.example.com/hooks",
                                  EndpointUrl.Rules.production()),
                              EnabledEvents.parse(List.of("*")),
                              null,
                              WebhookSecret.generate(random),
                              clock.instant())));
      Thread.sleep(300);
      assertThat(creation.isDone()).as("the creation waits for the relay").isFalse();
      relayMayCommit.countDown();
      relay.get(10, TimeUnit.SECONDS);
      creation.get(10, TimeUnit.SECONDS);
      assertThat(database.webhookEndpoints().enabled()).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("the other transaction did not come", e);
    }
  }
}
