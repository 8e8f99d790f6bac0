package com.customerservice.application.service;

import com.customerservice.application.port.in.ReopenKycUseCase;
import com.customerservice.domain.customer.Customer;
import com.customerservice.domain.error.ConflictException;
import com.customerservice.domain.port.CustomerRepository;
import com.customerservice.domain.port.KycCheckRepository;
import com.customerservice.domain.port.KycReviewRepository;
import com.customerservice.domain.port.UnitOfWork;
import com.customerservice.domain.shared.Timestamps;
import java.time.Clock;
import java.time.Instant;

/**
 * Reopens KYC in one transaction: the case starts again and a review still open on it is superseded
 * (its decision would no longer mean anything). Refused while a check waits for its vendor, whose
 * verdict would land on the reopened case; every write is versioned, so a concurrent change is a
 * conflict rather than lost.
 */
public final class ReopenKycService implements ReopenKycUseCase {
  private final CustomerRepository customers;
  private final KycCheckRepository checks;
  private final KycReviewRepository reviews;
  private final UnitOfWork unitOfWork;
  private final Clock clock;

  public ReopenKycService(
      CustomerRepository customers,
      KycCheckRepository checks,
      KycReviewRepository reviews,
      UnitOfWork unitOfWork,
      Clock clock) {
    this.customers = customers;
    this.checks = checks;
    this.reviews = reviews;
    this.unitOfWork = unitOfWork;
    this.clock = clock;
  }

  @Override
  public Customer reopen(String customerId) {
    Customer current = CustomerLookup.requireActive(customers, customerId);
    return unitOfWork.inTransaction(
        () -> {
          if (checks.findPending(current.id()).isPresent()) {
            throw ConflictException.kycCheckInProgress();
          }
          Instant now = Timestamps.now(clock);
          reviews.findOpen(current.id()).ifPresent(open -> reviews.update(open.supersede(now)));
          return customers.update(current.apply(current.kyc().reopen(), now));
        });
  }
}
