package com.customerservice.application.port.in;

import com.customerservice.domain.customer.Customer;
import com.customerservice.domain.kyc.KycCheck;
import com.customerservice.domain.kyc.KycCheckId;
import com.customerservice.domain.kyc.KycReview;
import com.customerservice.domain.kyc.KycReviewId;
import com.customerservice.domain.kyc.ReviewDecision;
import com.customerservice.domain.kyc.Verdict;
import java.util.Objects;
import java.util.Optional;

/**
 * The one writer of KYC verdicts, whoever brings the news (the selfie's own request, a poll, a
 * callback, the deadline, a reviewer): applies it to the check, the customer's case and, when a
 * person must decide, a review, in one transaction with the events that record it. A verdict for a
 * check no longer waiting for it changes nothing, so each check is decided once.
 */
public interface ApplyKycVerdictUseCase {

  /** The vendor's verdict on a pending check; empty when the check no longer waits for one. */
  Optional<Applied> apply(KycCheckId check, Verdict verdict);

  /**
   * The deadline of a pending check: it expires and a review opens ({@code vendor_timeout}); empty
   * when the check no longer waits.
   */
  Optional<KycReview> expire(KycCheckId check);

  /**
   * A reviewer's decision on an open review.
   *
   * @throws com.customerservice.domain.error.NotFoundException for a review that does not exist
   * @throws com.customerservice.domain.error.ConflictException {@code review_claimed} or {@code
   *     review_already_decided}
   */
  KycReview decide(KycReviewId review, ReviewDecision decision);

  /**
   * What a verdict did: the check as it now stands, the verdict as applied (an approval whose
   * document expired is a refusal), the customer when their case changed, the review it opened.
   */
  record Applied(
      KycCheck check, Verdict verdict, Optional<Customer> customer, Optional<KycReview> review) {
    public Applied {
      Objects.requireNonNull(check, "check");
      Objects.requireNonNull(verdict, "verdict");
      Objects.requireNonNull(customer, "customer");
      Objects.requireNonNull(review, "review");
    }
  }
}
