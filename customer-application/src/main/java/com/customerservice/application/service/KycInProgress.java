package com.customerservice.application.service;

import com.customerservice.domain.customer.Customer;
import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.error.ConflictException;
import com.customerservice.domain.kyc.KycCheck;
import com.customerservice.domain.port.KycCheckRepository;
import com.customerservice.domain.port.KycReviewRepository;
import java.util.Optional;

/**
 * The rule that a customer's KYC takes one check at a time: while a check waits for its vendor or a
 * person, another document or selfie is refused before any vendor is paid. Only the latest check
 * can be waiting (no other starts while it does), so one look at it usually settles it; its review
 * is looked up only when the vendor left it to a person.
 */
final class KycInProgress {
  private KycInProgress() {}

  /** Refuses while a check waits; otherwise the customer's latest check, if any. */
  static Optional<KycCheck> refuseWhileUndecided(
      KycCheckRepository checks, KycReviewRepository reviews, CustomerId customer) {
    Optional<KycCheck> latest = checks.ofCustomer(customer, 1).stream().findFirst();
    boolean waiting =
        latest.filter(KycCheck::isPending).isPresent()
            || (latest.filter(KycCheck::awaitsPerson).isPresent()
                && reviews.findOpen(customer).isPresent());
    if (waiting) {
      throw ConflictException.kycCheckInProgress();
    }
    return latest;
  }

  /**
   * Refuses a document while a check waits; a case that cannot have one waiting (a first upload,
   * the common one) is not looked up.
   */
  static void refuseDocumentWhileUndecided(
      KycCheckRepository checks, KycReviewRepository reviews, Customer customer) {
    if (customer.kyc().mayHaveCheckWaiting()) {
      refuseWhileUndecided(checks, reviews, customer.id());
    }
  }
}
