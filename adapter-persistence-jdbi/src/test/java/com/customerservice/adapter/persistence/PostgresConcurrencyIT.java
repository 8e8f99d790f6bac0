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
import com.customerservice.domain.verification.OtpCode;
import com.customerservice.domain.verification.OtpHasher;
import com.customerservice.domain.verification.OtpSendPolicy;
import com.customerservice.testkit.fakes.MutableClock;
import com.customerservice.testkit.fakes.RecordingOtpSender;
import com.customerservice.testkit.fakes.TestKeys;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
}
