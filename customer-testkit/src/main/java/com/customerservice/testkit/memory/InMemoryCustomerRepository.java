package com.customerservice.testkit.memory;

import com.customerservice.domain.customer.Customer;
import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.customer.CustomerPage;
import com.customerservice.domain.customer.CustomerQuery;
import com.customerservice.domain.customer.PhoneNumber;
import com.customerservice.domain.error.ConflictException;
import com.customerservice.domain.event.CustomerEvent;
import com.customerservice.domain.port.CustomerRepository;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Customers in a map, with the rules a database would enforce: one active customer per phone and
 * optimistic versions. Safe to share between threads.
 */
public final class InMemoryCustomerRepository implements CustomerRepository {
  private static final Comparator<Customer> NEWEST_FIRST =
      Comparator.comparing(Customer::createdAt).thenComparing(c -> c.id().value()).reversed();

  private final InMemoryUnitOfWork unitOfWork;
  private final InMemoryEventLog events;
  private final Map<CustomerId, Customer> byId = new HashMap<>();

  /** {@code events} is where the events recording each write are appended. */
  public InMemoryCustomerRepository(InMemoryUnitOfWork unitOfWork, InMemoryEventLog events) {
    this.unitOfWork = unitOfWork;
    this.events = events;
  }

  @Override
  public void insert(Customer customer, List<CustomerEvent> recorded) {
    unitOfWork.inTransaction(
        () -> {
          insert(customer);
          events.append(recorded);
        });
  }

  @Override
  public Customer update(Customer changed, List<CustomerEvent> recorded) {
    return unitOfWork.inTransaction(
        () -> {
          Customer saved = update(changed);
          events.append(recorded);
          return saved;
        });
  }

  @Override
  public synchronized void insert(Customer customer) {
    if (byId.containsKey(customer.id())) {
      throw new IllegalStateException("customer " + customer.id() + " exists already");
    }
    if (customer.isActive() && findActiveByPhone(customer.phone()).isPresent()) {
      throw ConflictException.phoneNumberTaken();
    }
    byId.put(customer.id(), customer.atVersion(1));
    unitOfWork.onRollback(() -> remove(customer.id()));
  }

  @Override
  public synchronized Customer update(Customer changed) {
    Customer stored = byId.get(changed.id());
    if (stored == null || stored.version() != changed.version()) {
      throw ConflictException.concurrentModification();
    }
    Customer saved = changed.atVersion(stored.version() + 1);
    byId.put(saved.id(), saved);
    unitOfWork.onRollback(() -> restore(stored));
    return saved;
  }

  @Override
  public synchronized Optional<Customer> findActive(CustomerId id) {
    return Optional.ofNullable(byId.get(id)).filter(Customer::isActive);
  }

  @Override
  public synchronized boolean exists(CustomerId id) {
    return byId.containsKey(id);
  }

  @Override
  public synchronized Optional<Customer> findActiveByPhone(PhoneNumber phone) {
    return byId.values().stream()
        .filter(Customer::isActive)
        .filter(c -> c.phone().equals(phone))
        .findFirst();
  }

  @Override
  public synchronized CustomerPage page(CustomerQuery query) {
    List<Customer> rows =
        byId.values().stream()
            .filter(Customer::isActive)
            .filter(query.filter()::matches)
            .filter(c -> query.after().map(cursor -> cursor.precedes(c)).orElse(true))
            .sorted(NEWEST_FIRST)
            .limit(query.limit() + 1L)
            .toList();
    return CustomerPage.fromOverfetch(rows, query.limit());
  }

  /** Every stored customer, closed ones included, for tests that look behind the port. */
  public synchronized List<Customer> allStored() {
    return List.copyOf(byId.values());
  }

  private synchronized void remove(CustomerId id) {
    byId.remove(id);
  }

  private synchronized void restore(Customer previous) {
    byId.put(previous.id(), previous);
  }
}
