package com.customerservice.testkit.memory;

import com.customerservice.domain.customer.Customer;
import com.customerservice.domain.error.ConflictException;
import com.customerservice.domain.event.CustomerEvent;
import com.customerservice.domain.port.PhoneVerificationRepository;
import com.customerservice.domain.verification.PhoneVerificationSession;
import com.customerservice.domain.verification.SessionId;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Verification sessions in a map, versioned like database rows. Safe to share between threads. */
public final class InMemoryPhoneVerificationRepository implements PhoneVerificationRepository {
  private final InMemoryUnitOfWork unitOfWork;
  private final InMemoryCustomerRepository customers;
  private final Map<SessionId, PhoneVerificationSession> byId = new HashMap<>();

  /** {@code customers} is where {@link #complete} stores the customers sessions create. */
  public InMemoryPhoneVerificationRepository(
      InMemoryUnitOfWork unitOfWork, InMemoryCustomerRepository customers) {
    this.unitOfWork = unitOfWork;
    this.customers = customers;
  }

  @Override
  public synchronized void insert(
      PhoneVerificationSession session, Instant since, Consumer<List<Instant>> limit) {
    if (byId.containsKey(session.id())) {
      throw new IllegalStateException("session " + session.id() + " exists already");
    }
    // Serialised by the monitor: no other insert runs between the check and the put.
    limit.accept(
        byId.values().stream()
            .filter(s -> s.phone().equals(session.phone()))
            .map(PhoneVerificationSession::createdAt)
            .filter(t -> t.isAfter(since))
            .toList());
    byId.put(session.id(), session.atVersion(1));
    unitOfWork.onRollback(() -> put(null, session.id()));
  }

  @Override
  public synchronized PhoneVerificationSession update(PhoneVerificationSession changed) {
    PhoneVerificationSession stored = byId.get(changed.id());
    if (stored == null || stored.version() != changed.version()) {
      throw ConflictException.concurrentModification();
    }
    PhoneVerificationSession saved = changed.atVersion(stored.version() + 1);
    byId.put(saved.id(), saved);
    unitOfWork.onRollback(() -> put(stored, stored.id()));
    return saved;
  }

  @Override
  public void complete(
      PhoneVerificationSession completed, Customer created, List<CustomerEvent> events) {
    if (!completed.customerId().equals(Optional.of(created.id()))) {
      throw new IllegalArgumentException("the session was not completed for this customer");
    }
    unitOfWork.inTransaction(
        () -> {
          customers.insert(created, events);
          update(completed);
        });
  }

  @Override
  public synchronized Optional<PhoneVerificationSession> find(SessionId id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public synchronized void delete(SessionId id) {
    PhoneVerificationSession removed = byId.remove(id);
    if (removed != null) {
      unitOfWork.onRollback(() -> put(removed, id));
    }
  }

  private synchronized void put(PhoneVerificationSession session, SessionId id) {
    if (session == null) {
      byId.remove(id);
    } else {
      byId.put(id, session);
    }
  }
}
