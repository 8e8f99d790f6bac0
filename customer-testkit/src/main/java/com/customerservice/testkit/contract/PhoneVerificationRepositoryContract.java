package com.customerservice.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.customerservice.domain.customer.Customer;
import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.customer.PhoneNumber;
import com.customerservice.domain.error.ConflictException;
import com.customerservice.domain.error.RateLimitedException;
import com.customerservice.domain.port.CustomerRepository;
import com.customerservice.domain.port.PhoneVerificationRepository;
import com.customerservice.domain.port.UnitOfWork;
import com.customerservice.domain.verification.OtpCode;
import com.customerservice.domain.verification.OtpHasher;
import com.customerservice.domain.verification.PhoneVerificationSession;
import com.customerservice.domain.verification.SessionId;
import com.customerservice.domain.verification.VerificationAttempt;
import com.customerservice.testkit.fakes.TestKeys;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What every {@link PhoneVerificationRepository} must do. */
public abstract class PhoneVerificationRepositoryContract {
  private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  protected final SecureRandom random = new SecureRandom();
  private final OtpHasher hasher = new OtpHasher(TestKeys.hmacKey());
  private final OtpCode code = new OtpCode("123456");

  protected abstract PhoneVerificationRepository repository();

  protected abstract UnitOfWork unitOfWork();

  /** Where {@link PhoneVerificationRepository#complete} stores the customers it creates. */
  protected abstract CustomerRepository customers();

  /**
   * A customer a verified session may name; a store with referential integrity needs it to exist.
   */
  protected CustomerId existingCustomer() {
    return CustomerId.KIND.next(random);
  }

  private PhoneNumber uniquePhone() {
    return new PhoneNumber(
        String.format("+25882%07d", (System.nanoTime() + SEQUENCE.incrementAndGet()) % 10_000_000));
  }

  private PhoneVerificationSession start(PhoneNumber phone, Instant at) {
    return PhoneVerificationSession.start(SessionId.KIND.next(random), phone, code, hasher, at);
  }

  /** Stores a session under a limit that lets everything through. */
  private PhoneVerificationSession store(PhoneVerificationSession session) {
    repository().insert(session, session.createdAt().minus(Duration.ofDays(1)), earlier -> {});
    return session;
  }

  private PhoneVerificationSession storedAndRead(PhoneVerificationSession session) {
    return repository().find(store(session).id()).orElseThrow();
  }

  private List<Instant> earlierSeenBy(PhoneVerificationSession session, Instant since) {
    List<Instant> seen = new ArrayList<>();
    repository().insert(session, since, seen::addAll);
    return seen;
  }

  @Test
  void storesASessionWithItsHashAndState() {
    PhoneVerificationSession session = start(uniquePhone(), T0);
    store(session);
    PhoneVerificationSession read = repository().find(session.id()).orElseThrow();
    assertThat(read.phone()).isEqualTo(session.phone());
    assertThat(read.codeHash()).isEqualTo(session.codeHash());
    assertThat(read.createdAt()).isEqualTo(T0);
    assertThat(read.expiresAt()).isEqualTo(session.expiresAt());
    assertThat(read.state()).isEqualTo(PhoneVerificationSession.State.PENDING);
    assertThat(read.attempt(code, hasher, T0)).isInstanceOf(VerificationAttempt.Accepted.class);
  }

  @Test
  void keepsInstantsToTheMicrosecondAndComparesThemAsInstants() {
    Instant precise = T0.plusNanos(123_456_000);
    PhoneVerificationSession session = store(start(uniquePhone(), precise));
    PhoneVerificationSession read = repository().find(session.id()).orElseThrow();
    assertThat(read.createdAt()).isEqualTo(precise);
    assertThat(read.expiresAt()).isEqualTo(session.expiresAt());
    // "After" is strict, to the microsecond.
    assertThat(earlierSeenBy(start(read.phone(), precise.plusSeconds(60)), precise)).isEmpty();
    assertThat(
            earlierSeenBy(start(read.phone(), precise.plusSeconds(120)), precise.minusNanos(1000)))
        .contains(precise);
  }

  @Test
  void findsNothingForAnUnknownSession() {
    assertThat(repository().find(SessionId.KIND.next(random))).isEmpty();
  }

  @Test
  void storesCountedWrongCodesAndCompletion() {
    PhoneVerificationSession session = start(uniquePhone(), T0);
    store(session);
    PhoneVerificationSession read = repository().find(session.id()).orElseThrow();
    var wrong = read.attempt(new OtpCode("000000"), hasher, T0).changedSession().orElseThrow();
    repository().update(wrong);
    PhoneVerificationSession afterWrong = repository().find(session.id()).orElseThrow();
    assertThat(afterWrong.wrongCodes()).isEqualTo(1);

    CustomerId customer = existingCustomer();
    repository().update(afterWrong.completedFor(customer));
    PhoneVerificationSession done = repository().find(session.id()).orElseThrow();
    assertThat(done.state()).isEqualTo(PhoneVerificationSession.State.VERIFIED);
    assertThat(done.customerId()).contains(customer);
  }

  @Test
  void aSessionLockedAfterItCreatedItsCustomerKeepsNamingIt() {
    CustomerId customer = existingCustomer();
    PhoneVerificationSession current = storedAndRead(start(uniquePhone(), T0));
    repository().update(current.completedFor(customer));
    current = repository().find(current.id()).orElseThrow();
    for (int i = 0; i < PhoneVerificationSession.MAX_WRONG_CODES; i++) {
      repository()
          .update(
              current.attempt(new OtpCode("000000"), hasher, T0).changedSession().orElseThrow());
      current = repository().find(current.id()).orElseThrow();
    }
    assertThat(current.state()).isEqualTo(PhoneVerificationSession.State.LOCKED);
    assertThat(current.customerId()).contains(customer);
  }

  @Test
  void refusesAnUpdateFromAStaleVersion() {
    PhoneVerificationSession session = start(uniquePhone(), T0);
    store(session);
    PhoneVerificationSession read = repository().find(session.id()).orElseThrow();
    repository().update(read.completedFor(existingCustomer()));
    assertThatThrownBy(() -> repository().update(read.completedFor(existingCustomer())))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void theLimitSeesEarlierInitiationsOfThePhoneAfterTheInstantOnly() {
    PhoneNumber phone = uniquePhone();
    store(start(phone, T0));
    store(start(phone, T0.plusSeconds(60)));
    store(start(phone, T0.plusSeconds(120)));
    store(start(uniquePhone(), T0.plusSeconds(90)));
    PhoneVerificationSession next = start(phone, T0.plusSeconds(180));
    assertThat(earlierSeenBy(next, T0))
        .containsExactlyInAnyOrder(T0.plusSeconds(60), T0.plusSeconds(120));
    assertThat(repository().find(next.id())).isPresent();
  }

  @Test
  void aSessionTheLimitRefusesIsNotStoredAndTheRefusalPropagates() {
    PhoneNumber phone = uniquePhone();
    store(start(phone, T0));
    PhoneVerificationSession refused = start(phone, T0.plusSeconds(10));
    RateLimitedException refusal =
        new RateLimitedException("rate_limited", "too soon", Duration.ofSeconds(20));
    assertThatThrownBy(
            () ->
                repository()
                    .insert(
                        refused,
                        T0.minusSeconds(1),
                        earlier -> {
                          throw refusal;
                        }))
        .isSameAs(refusal);
    assertThat(repository().find(refused.id())).isEmpty();
    assertThat(earlierSeenBy(start(phone, T0.plusSeconds(60)), T0.minusSeconds(1)))
        .containsExactly(T0);
  }

  @Test
  void aDeletedSessionIsGoneAndCountsForNothing() {
    PhoneNumber phone = uniquePhone();
    PhoneVerificationSession session = start(phone, T0);
    store(session);
    repository().delete(session.id());
    assertThat(repository().find(session.id())).isEmpty();
    assertThat(earlierSeenBy(start(phone, T0.plusSeconds(60)), T0.minusSeconds(1))).isEmpty();
  }

  @Test
  void completingStoresTheVerifiedSessionAndItsCustomerTogether() {
    PhoneVerificationSession session = store(start(uniquePhone(), T0));
    PhoneVerificationSession read = repository().find(session.id()).orElseThrow();
    Customer customer = Customer.register(CustomerId.KIND.next(random), read.phone(), T0);
    repository().complete(read.completedFor(customer.id()), customer);

    PhoneVerificationSession done = repository().find(session.id()).orElseThrow();
    assertThat(done.state()).isEqualTo(PhoneVerificationSession.State.VERIFIED);
    assertThat(done.customerId()).contains(customer.id());
    assertThat(done.version()).isEqualTo(read.version() + 1);
    assertThat(customers().findActive(customer.id()).orElseThrow().phone()).isEqualTo(read.phone());
  }

  @Test
  void completingFromAStaleVersionStoresNeitherSessionNorCustomer() {
    PhoneVerificationSession session = store(start(uniquePhone(), T0));
    PhoneVerificationSession read = repository().find(session.id()).orElseThrow();
    repository().update(read.attempt(new OtpCode("000000"), hasher, T0).changedSession().get());
    Customer customer = Customer.register(CustomerId.KIND.next(random), read.phone(), T0);

    assertThatThrownBy(() -> repository().complete(read.completedFor(customer.id()), customer))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.isPhoneNumberTaken()).isFalse());
    assertThat(customers().findActive(customer.id())).isEmpty();
    assertThat(repository().find(session.id()).orElseThrow().state())
        .isEqualTo(PhoneVerificationSession.State.PENDING);
  }

  @Test
  void completingForATakenPhoneStoresNeitherSessionNorCustomer() {
    PhoneNumber phone = uniquePhone();
    PhoneVerificationSession first = storedAndRead(start(phone, T0));
    PhoneVerificationSession second = storedAndRead(start(phone, T0.plusSeconds(60)));
    Customer winner = Customer.register(CustomerId.KIND.next(random), phone, T0);
    repository().complete(first.completedFor(winner.id()), winner);
    Customer loser = Customer.register(CustomerId.KIND.next(random), phone, T0);

    assertThatThrownBy(() -> repository().complete(second.completedFor(loser.id()), loser))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.isPhoneNumberTaken()).isTrue());
    assertThat(customers().findActive(loser.id())).isEmpty();
    assertThat(repository().find(second.id()).orElseThrow().state())
        .isEqualTo(PhoneVerificationSession.State.PENDING);
  }

  @Test
  void completingForAnotherCustomerThanTheSessionNamesIsRefused() {
    PhoneVerificationSession session = store(start(uniquePhone(), T0));
    Customer customer = Customer.register(CustomerId.KIND.next(random), session.phone(), T0);
    PhoneVerificationSession forSomeoneElse = session.completedFor(CustomerId.KIND.next(random));
    assertThatThrownBy(() -> repository().complete(forSomeoneElse, customer))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(customers().findActive(customer.id())).isEmpty();
  }

  @Test
  void aFailedUnitOfWorkStoresNoSession() {
    PhoneVerificationSession session = start(uniquePhone(), T0);
    assertThatThrownBy(
            () ->
                unitOfWork()
                    .inTransaction(
                        () -> {
                          store(session);
                          throw new IllegalStateException("boom");
                        }))
        .hasMessage("boom");
    assertThat(repository().find(session.id())).isEmpty();
  }
}
