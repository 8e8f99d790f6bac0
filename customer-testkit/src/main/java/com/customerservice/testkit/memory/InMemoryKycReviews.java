package com.customerservice.testkit.memory;

import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.error.ConflictException;
import com.customerservice.domain.event.CustomerEvent;
import com.customerservice.domain.kyc.KycReview;
import com.customerservice.domain.kyc.KycReviewId;
import com.customerservice.domain.kyc.ReviewPage;
import com.customerservice.domain.port.KycReviewRepository;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reviews in memory, with the rules a database would enforce: one open review per customer,
 * optimistic versions, events appended with the write. Safe to share between threads.
 */
public final class InMemoryKycReviews implements KycReviewRepository {
  private final InMemoryUnitOfWork unitOfWork;
  private final InMemoryEventLog events;
  private final Map<KycReviewId, KycReview> byId = new LinkedHashMap<>();

  /** {@code events} is where the events recording each write are appended. */
  public InMemoryKycReviews(InMemoryUnitOfWork unitOfWork, InMemoryEventLog events) {
    this.unitOfWork = unitOfWork;
    this.events = events;
  }

  @Override
  public void insert(KycReview review, List<CustomerEvent> recorded) {
    unitOfWork.inTransaction(
        () -> {
          store(review);
          events.append(recorded);
        });
  }

  @Override
  public KycReview update(KycReview changed, List<CustomerEvent> recorded) {
    return unitOfWork.inTransaction(
        () -> {
          KycReview saved = replace(changed);
          events.append(recorded);
          return saved;
        });
  }

  private synchronized void store(KycReview review) {
    if (byId.containsKey(review.id())) {
      throw new IllegalStateException("review " + review.id() + " exists already");
    }
    if (review.isOpen() && findOpen(review.customerId()).isPresent()) {
      throw ConflictException.kycCheckInProgress();
    }
    byId.put(review.id(), review.atVersion(1));
    unitOfWork.onRollback(() -> put(review.id(), null));
  }

  private synchronized KycReview replace(KycReview changed) {
    KycReview stored = byId.get(changed.id());
    if (stored == null || stored.version() != changed.version()) {
      throw ConflictException.concurrentModification();
    }
    KycReview saved = changed.atVersion(stored.version() + 1);
    byId.put(saved.id(), saved);
    unitOfWork.onRollback(() -> put(stored.id(), stored));
    return saved;
  }

  @Override
  public synchronized Optional<KycReview> find(KycReviewId id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public synchronized Optional<KycReview> findOpen(CustomerId customer) {
    return byId.values().stream()
        .filter(r -> r.customerId().equals(customer) && r.isOpen())
        .findFirst();
  }

  @Override
  public synchronized ReviewPage page(ReviewPage.Query query) {
    Comparator<KycReview> order =
        Comparator.comparing(query::orderedAt).thenComparing(r -> r.id().value());
    Comparator<KycReview> listed = query.oldestFirst() ? order : order.reversed();
    List<KycReview> rows =
        byId.values().stream()
            .filter(r -> r.status() == query.status())
            .filter(query::listsAfterPosition)
            .sorted(listed)
            .limit(query.limit() + 1L)
            .toList();
    return ReviewPage.fromOverfetch(rows, query);
  }

  /** Every review, for tests that look behind the port. */
  public synchronized List<KycReview> all() {
    return List.copyOf(byId.values());
  }

  private synchronized void put(KycReviewId id, KycReview review) {
    if (review == null) {
      byId.remove(id);
    } else {
      byId.put(id, review);
    }
  }
}
