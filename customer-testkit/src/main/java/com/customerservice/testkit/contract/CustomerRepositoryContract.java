package com.customerservice.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.customerservice.domain.customer.Customer;
import com.customerservice.domain.customer.CustomerChanges;
import com.customerservice.domain.customer.CustomerFilter;
import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.customer.CustomerPage;
import com.customerservice.domain.customer.CustomerQuery;
import com.customerservice.domain.customer.CustomerStatus;
import com.customerservice.domain.customer.Email;
import com.customerservice.domain.customer.FirstName;
import com.customerservice.domain.customer.KycStatus;
import com.customerservice.domain.customer.PageCursor;
import com.customerservice.domain.customer.PhoneNumber;
import com.customerservice.domain.customer.SensitiveId;
import com.customerservice.domain.error.ConflictException;
import com.customerservice.domain.fixtures.CustomerBuilder;
import com.customerservice.domain.fixtures.KycFixtures;
import com.customerservice.domain.kyc.KycCase;
import com.customerservice.domain.port.CustomerRepository;
import com.customerservice.domain.port.UnitOfWork;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CustomerRepository} must do, whatever it stores customers in. Each
 * implementation runs these tests through a subclass.
 */
public abstract class CustomerRepositoryContract {
  protected final SecureRandom random = new SecureRandom();
  private final AtomicInteger phoneSequence = new AtomicInteger();
  protected static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

  /** An empty repository (or one no other test of this class sees). */
  protected abstract CustomerRepository repository();

  protected abstract UnitOfWork unitOfWork();

  /** A phone number that no other customer of this test run holds. */
  protected PhoneNumber uniquePhone() {
    return CustomerBuilder.uniquePhone();
  }

  protected Customer newCustomer(PhoneNumber phone, Instant createdAt) {
    return CustomerBuilder.aCustomer().phone(phone.e164()).createdAt(createdAt).build();
  }

  @Test
  void findsAnInsertedCustomerByIdAndByPhone() {
    PhoneNumber phone = uniquePhone();
    Customer customer = newCustomer(phone, T0);
    repository().insert(customer);

    Customer byId = repository().findActive(customer.id()).orElseThrow();
    assertThat(byId.id()).isEqualTo(customer.id());
    assertThat(byId.phone()).isEqualTo(phone);
    assertThat(byId.createdAt()).isEqualTo(T0);
    assertThat(byId.kycStatus()).isEqualTo(KycStatus.UNVERIFIED);
    assertThat(repository().findActiveByPhone(phone).map(Customer::id)).contains(customer.id());
  }

  @Test
  void keepsTheKycCaseWithItsFailedAttempts() {
    Customer customer =
        CustomerBuilder.aCustomer().phone(uniquePhone().e164()).kyc(KycStatus.PENDING, 2).build();
    repository().insert(customer);

    assertThat(repository().findActive(customer.id()).orElseThrow().kyc())
        .isEqualTo(new KycCase(KycStatus.PENDING, 2));
  }

  @Test
  void findsNothingForUnknownIdsAndPhones() {
    assertThat(repository().findActive(CustomerId.KIND.next(random))).isEmpty();
    assertThat(repository().findActiveByPhone(uniquePhone())).isEmpty();
  }

  @Test
  void refusesASecondActiveCustomerForOnePhone() {
    PhoneNumber phone = uniquePhone();
    repository().insert(newCustomer(phone, T0));
    assertThatThrownBy(() -> repository().insert(newCustomer(phone, T0)))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.isPhoneNumberTaken()).isTrue());
  }

  @Test
  void aClosedCustomerIsHiddenAndFreesThePhone() {
    PhoneNumber phone = uniquePhone();
    Customer customer = newCustomer(phone, T0);
    repository().insert(customer);
    Customer stored = repository().findActive(customer.id()).orElseThrow();
    repository().update(stored.close(T0.plusSeconds(5)));

    assertThat(repository().findActive(customer.id())).isEmpty();
    assertThat(repository().findActiveByPhone(phone)).isEmpty();
    assertThat(repository().exists(customer.id())).as("kept for the audit trail").isTrue();
    assertThat(repository().exists(CustomerId.KIND.next(random))).isFalse();
    Customer again = newCustomer(phone, T0.plusSeconds(10));
    repository().insert(again);
    assertThat(repository().findActiveByPhone(phone).map(Customer::id)).contains(again.id());
  }

  @Test
  void storesEveryFieldOfAnUpdate() {
    Customer customer = newCustomer(uniquePhone(), T0);
    repository().insert(customer);
    Customer stored = repository().findActive(customer.id()).orElseThrow();
    Customer changed =
        stored.update(
            CustomerChanges.builder()
                .firstName("Jane")
                .lastName("Machava")
                .email(new Email("jane@example.com"))
                .taxId(SensitiveId.of("tax_id", "123456789"))
                .nuib(SensitiveId.of("nuib", "NUIB-42"))
                .build(),
            T0.plusSeconds(60));
    Customer saved = repository().update(changed);
    assertThat(saved.version()).isGreaterThan(stored.version());

    Customer read = repository().findActive(customer.id()).orElseThrow();
    assertThat(read.profile()).isEqualTo(changed.profile());
    assertThat(read.governmentIds().taxId().reveal()).isEqualTo("123456789");
    assertThat(read.governmentIds().nuib().reveal()).isEqualTo("NUIB-42");
    assertThat(read.governmentIds().nationalityId()).isNull();
    assertThat(read.updatedAt()).isEqualTo(T0.plusSeconds(60));
    assertThat(read.version()).isEqualTo(saved.version());
  }

  @Test
  void refusesAChangeMadeFromAStaleVersion() {
    Customer customer = newCustomer(uniquePhone(), T0);
    repository().insert(customer);
    Customer stored = repository().findActive(customer.id()).orElseThrow();
    repository().update(stored.update(CustomerChanges.builder().firstName("A").build(), T0));

    Customer stale = stored.update(CustomerChanges.builder().firstName("B").build(), T0);
    assertThatThrownBy(() -> repository().update(stale))
        .isInstanceOfSatisfying(
            ConflictException.class,
            e -> assertThat(e.code()).isEqualTo(ConflictException.CONCURRENT_MODIFICATION));
    assertThat(repository().findActive(customer.id()).orElseThrow().profile().firstName())
        .isEqualTo(new FirstName("A"));
  }

  @Test
  void ofConcurrentUpdatesFromOneVersionExactlyOneWins() throws Exception {
    Customer customer = newCustomer(uniquePhone(), T0);
    repository().insert(customer);
    Customer stored = repository().findActive(customer.id()).orElseThrow();
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        String name = "Name" + i;
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  try {
                    unitOfWork()
                        .inTransaction(
                            () ->
                                repository()
                                    .update(
                                        stored.update(
                                            CustomerChanges.builder().firstName(name).build(),
                                            T0)));
                    return true;
                  } catch (ConflictException e) {
                    return false;
                  }
                }));
      }
      start.countDown();
      int wins = 0;
      for (Future<Boolean> result : results) {
        wins += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(wins).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aFailedUnitOfWorkLeavesNothingBehind() {
    Customer customer = newCustomer(uniquePhone(), T0);
    assertThatThrownBy(
            () ->
                unitOfWork()
                    .inTransaction(
                        () -> {
                          repository().insert(customer);
                          throw new IllegalStateException("boom");
                        }))
        .hasMessage("boom");
    assertThat(repository().findActive(customer.id())).isEmpty();
    assertThat(repository().findActiveByPhone(customer.phone())).isEmpty();
  }

  @Test
  void pagesAreNewestFirstAndChainWithoutGapsOrRepeats() {
    Instant base = uniqueBase();
    List<CustomerId> inserted = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      Customer c = newCustomer(uniquePhone(), base.plusSeconds(i));
      repository().insert(c);
      inserted.add(0, c.id()); // newest first
    }
    CustomerFilter onlyThese =
        new CustomerFilter(null, null, base.minusNanos(1000), base.plusSeconds(7));
    List<CustomerId> seen = new ArrayList<>();
    Optional<PageCursor> after = Optional.empty();
    int pages = 0;
    do {
      CustomerPage page = repository().page(new CustomerQuery(onlyThese, 3, after));
      page.customers().forEach(c -> seen.add(c.id()));
      after = page.next();
      pages++;
    } while (after.isPresent() && pages < 10);
    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactlyElementsOf(inserted);
  }

  @Test
  void aLastFullPageSaysThereIsNoMore() {
    Instant base = uniqueBase();
    for (int i = 0; i < 3; i++) {
      repository().insert(newCustomer(uniquePhone(), base.plusSeconds(i)));
    }
    CustomerFilter onlyThese =
        new CustomerFilter(null, null, base.minusNanos(1000), base.plusSeconds(3));
    CustomerPage page = repository().page(new CustomerQuery(onlyThese, 3, Optional.empty()));
    assertThat(page.customers()).hasSize(3);
    assertThat(page.hasMore()).isFalse();
  }

  @Test
  void customersWithTheSameCreationTimeArePagedByIdWithoutLoss() {
    Instant base = uniqueBase();
    Set<CustomerId> inserted = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      Customer c = newCustomer(uniquePhone(), base);
      repository().insert(c);
      inserted.add(c.id());
    }
    CustomerFilter onlyThese =
        new CustomerFilter(null, null, base.minusNanos(1000), base.plusNanos(1000));
    List<CustomerId> seen = new ArrayList<>();
    Optional<PageCursor> after = Optional.empty();
    do {
      CustomerPage page = repository().page(new CustomerQuery(onlyThese, 2, after));
      page.customers().forEach(c -> seen.add(c.id()));
      after = page.next();
    } while (after.isPresent());
    assertThat(seen).hasSize(5).containsExactlyInAnyOrderElementsOf(inserted);
  }

  @Test
  void pagesStayConsistentWhileNewerCustomersAreInserted() {
    Instant base = uniqueBase();
    List<CustomerId> original = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      Customer c = newCustomer(uniquePhone(), base.plusSeconds(i));
      repository().insert(c);
      original.add(0, c.id());
    }
    CustomerFilter window =
        new CustomerFilter(null, null, base.minusNanos(1000), base.plus(Duration.ofHours(1)));
    CustomerPage first = repository().page(new CustomerQuery(window, 2, Optional.empty()));
    // Newer customers arrive between the page requests.
    for (int i = 0; i < 3; i++) {
      repository().insert(newCustomer(uniquePhone(), base.plusSeconds(100 + i)));
    }
    List<CustomerId> seen = new ArrayList<>();
    first.customers().forEach(c -> seen.add(c.id()));
    Optional<PageCursor> after = first.next();
    while (after.isPresent()) {
      CustomerPage page = repository().page(new CustomerQuery(window, 2, after));
      page.customers().forEach(c -> seen.add(c.id()));
      after = page.next();
    }
    assertThat(seen).containsExactlyElementsOf(original);
  }

  @Test
  void filtersByKycStatusAndHidesClosedCustomers() {
    Instant base = uniqueBase();
    Customer pending = newCustomer(uniquePhone(), base);
    Customer plain = newCustomer(uniquePhone(), base.plusSeconds(1));
    Customer closed = newCustomer(uniquePhone(), base.plusSeconds(2));
    repository().insert(pending);
    repository().insert(plain);
    repository().insert(closed);
    Customer stored = repository().findActive(pending.id()).orElseThrow();
    repository()
        .update(stored.apply(stored.kyc().submitDocument("MZ_BI", KycFixtures.REFERENCE), base));
    repository().update(repository().findActive(closed.id()).orElseThrow().close(base));

    CustomerFilter window =
        new CustomerFilter(null, null, base.minusNanos(1000), base.plusSeconds(3));
    assertThat(ids(repository().page(new CustomerQuery(window, 10, Optional.empty()))))
        .containsExactly(plain.id(), pending.id());

    CustomerFilter pendingOnly =
        new CustomerFilter(null, KycStatus.PENDING, base.minusNanos(1000), base.plusSeconds(3));
    assertThat(ids(repository().page(new CustomerQuery(pendingOnly, 10, Optional.empty()))))
        .containsExactly(pending.id());

    CustomerFilter activeOnly =
        new CustomerFilter(CustomerStatus.ACTIVE, null, base.minusNanos(1000), base.plusSeconds(3));
    assertThat(ids(repository().page(new CustomerQuery(activeOnly, 10, Optional.empty()))))
        .hasSize(ids(repository().page(new CustomerQuery(window, 10, Optional.empty()))).size());
  }

  @Test
  void creationBoundsAreExclusive() {
    Instant base = uniqueBase();
    Customer first = newCustomer(uniquePhone(), base);
    Customer second = newCustomer(uniquePhone(), base.plusSeconds(1));
    Customer third = newCustomer(uniquePhone(), base.plusSeconds(2));
    repository().insert(first);
    repository().insert(second);
    repository().insert(third);
    CustomerFilter between = new CustomerFilter(null, null, base, base.plusSeconds(2));
    assertThat(ids(repository().page(new CustomerQuery(between, 10, Optional.empty()))))
        .containsExactly(second.id());
  }

  /** A creation time no other test uses, so tests can share one store and still filter exactly. */
  private Instant uniqueBase() {
    return T0.plus(Duration.ofDays(1 + Math.floorMod(random.nextInt(), 36_500)))
        .plus(phoneSequence.incrementAndGet(), ChronoUnit.HOURS);
  }

  private static List<CustomerId> ids(CustomerPage page) {
    return page.customers().stream().map(Customer::id).toList();
  }
}
