package com.customerservice.testkit.memory;

import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.error.ConflictException;
import com.customerservice.domain.kyc.KycCheck;
import com.customerservice.domain.kyc.KycCheckId;
import com.customerservice.domain.port.KycCheckRepository;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * KYC checks in memory, with the rules a database would enforce: one pending check per customer,
 * one check per vendor job, optimistic versions. Safe to share between threads.
 */
public final class InMemoryKycChecks implements KycCheckRepository {
  private static final Comparator<KycCheck> NEWEST_FIRST =
      Comparator.comparing(KycCheck::submittedAt).thenComparing(c -> c.id().value()).reversed();

  private final InMemoryUnitOfWork unitOfWork;
  private final Map<KycCheckId, KycCheck> byId = new LinkedHashMap<>();

  public InMemoryKycChecks(InMemoryUnitOfWork unitOfWork) {
    this.unitOfWork = unitOfWork;
  }

  @Override
  public synchronized KycCheck insert(KycCheck check) {
    if (byId.containsKey(check.id())) {
      throw new IllegalStateException("check " + check.id() + " exists already");
    }
    if (findByJob(check.vendor(), check.job().reference()).isPresent()) {
      throw new IllegalStateException("a check of " + check.vendor() + " job exists already");
    }
    if (check.isPending() && findPending(check.customerId()).isPresent()) {
      throw ConflictException.kycCheckInProgress();
    }
    KycCheck stored = check.atVersion(1);
    byId.put(check.id(), stored);
    unitOfWork.onRollback(() -> put(check.id(), null));
    return stored;
  }

  @Override
  public synchronized KycCheck update(KycCheck changed) {
    KycCheck stored = byId.get(changed.id());
    if (stored == null || stored.version() != changed.version()) {
      throw ConflictException.concurrentModification();
    }
    KycCheck saved = changed.atVersion(stored.version() + 1);
    byId.put(saved.id(), saved);
    unitOfWork.onRollback(() -> put(stored.id(), stored));
    return saved;
  }

  @Override
  public synchronized Optional<KycCheck> find(KycCheckId id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public synchronized Optional<KycCheck> findByJob(String vendor, String reference) {
    return byId.values().stream()
        .filter(c -> c.vendor().equals(vendor) && c.job().reference().equals(reference))
        .findFirst();
  }

  @Override
  public synchronized Optional<KycCheck> findPending(CustomerId customer) {
    return byId.values().stream()
        .filter(c -> c.customerId().equals(customer) && c.isPending())
        .findFirst();
  }

  @Override
  public synchronized List<KycCheck> ofCustomer(CustomerId customer, int max) {
    return byId.values().stream()
        .filter(c -> c.customerId().equals(customer))
        .sorted(NEWEST_FIRST)
        .limit(max)
        .toList();
  }

  @Override
  public synchronized Optional<String> subject(CustomerId customer, String vendor) {
    return byId.values().stream()
        .filter(c -> c.customerId().equals(customer) && c.vendor().equals(vendor))
        .filter(c -> c.job().subject().isPresent())
        .sorted(NEWEST_FIRST)
        .findFirst()
        .flatMap(c -> c.job().subject());
  }

  /** Every check, for tests that look behind the port. */
  public synchronized List<KycCheck> all() {
    return List.copyOf(byId.values());
  }

  private synchronized void put(KycCheckId id, KycCheck check) {
    if (check == null) {
      byId.remove(id);
    } else {
      byId.put(id, check);
    }
  }
}
