package com.customerservice.application.inmemory;

import com.customerservice.domain.customer.PhoneNumber;
import com.customerservice.domain.error.ConflictException;
import com.customerservice.domain.port.PhoneVerificationRepository;
import com.customerservice.domain.verification.PhoneVerificationSession;
import com.customerservice.domain.verification.SessionId;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Verification sessions in a map, versioned like database rows. Safe to share between threads. */
public final class InMemoryPhoneVerificationRepository implements PhoneVerificationRepository {
  private final InMemoryUnitOfWork unitOfWork;
  private final Map<SessionId, PhoneVerificationSession> byId = new HashMap<>();

  public InMemoryPhoneVerificationRepository(InMemoryUnitOfWork unitOfWork) {
    this.unitOfWork = unitOfWork;
  }

  @Override
  public synchronized List<Instant> initiationsSince(PhoneNumber phone, Instant since) {
    // Serialising by phone needs nothing more here: the unit of work runs one at a time.
    return byId.values().stream()
        .filter(s -> s.phone().equals(phone))
        .map(PhoneVerificationSession::createdAt)
        .filter(t -> t.isAfter(since))
        .sorted()
        .toList();
  }

  @Override
  public synchronized void insert(PhoneVerificationSession session) {
    if (byId.containsKey(session.id())) {
      throw new IllegalStateException("session " + session.id() + " exists already");
    }
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
