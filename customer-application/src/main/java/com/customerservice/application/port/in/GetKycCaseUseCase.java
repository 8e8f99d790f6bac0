package com.customerservice.application.port.in;

import com.customerservice.domain.customer.Customer;
import com.customerservice.domain.kyc.KycCheck;
import com.customerservice.domain.kyc.KycDocument;
import com.customerservice.domain.kyc.KycReview;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A customer's KYC case as the back office sees it: status, document, checks, open review. */
public interface GetKycCaseUseCase {

  /** The case of the active customer the id names; any id that names none is a 404. */
  KycCaseView get(String customerId);

  /** How many checks a case shows, newest first. */
  int MAX_CHECKS = 20;

  /**
   * The customer (their KYC state), their latest document, their most recent checks (newest first),
   * and the review open on the case, if one is.
   */
  record KycCaseView(
      Customer customer,
      Optional<KycDocument> document,
      List<KycCheck> checks,
      Optional<KycReview> openReview) {
    public KycCaseView {
      Objects.requireNonNull(customer, "customer");
      Objects.requireNonNull(document, "document");
      checks = List.copyOf(checks);
      Objects.requireNonNull(openReview, "openReview");
    }
  }
}
