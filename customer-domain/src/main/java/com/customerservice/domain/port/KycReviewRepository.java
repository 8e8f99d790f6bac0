package com.customerservice.domain.port;

import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.event.CustomerEvent;
import com.customerservice.domain.kyc.KycReview;
import com.customerservice.domain.kyc.KycReviewId;
import com.customerservice.domain.kyc.ReviewPage;
import java.util.List;
import java.util.Optional;

/**
 * Where reviews of KYC cases are kept, with the events that record them. At most one review of a
 * customer is open.
 */
public interface KycReviewRepository {

  /**
   * Stores a new review and appends the events that record its opening, atomically.
   *
   * @throws com.customerservice.domain.error.ConflictException {@code kyc_check_in_progress} when
   *     the customer already has an open review (nothing is stored)
   */
  void insert(KycReview review, List<CustomerEvent> events);

  /**
   * Stores a change made from the review at {@link KycReview#version()} and appends its events,
   * atomically, and returns the review at its new version.
   *
   * @throws com.customerservice.domain.error.ConflictException {@code concurrent_modification} when
   *     the stored version moved on since the review was read (nothing is stored)
   */
  KycReview update(KycReview changed, List<CustomerEvent> events);

  default void insert(KycReview review) {
    insert(review, List.of());
  }

  default KycReview update(KycReview changed) {
    return update(changed, List.of());
  }

  Optional<KycReview> find(KycReviewId id);

  /** The customer's open review, if one is. */
  Optional<KycReview> findOpen(CustomerId customer);

  /**
   * One page of reviews: open ones oldest first (a queue), closed ones by the time they closed,
   * newest first.
   */
  ReviewPage page(ReviewPage.Query query);
}
