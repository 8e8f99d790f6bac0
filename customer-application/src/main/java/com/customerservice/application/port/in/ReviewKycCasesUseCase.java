package com.customerservice.application.port.in;

import com.customerservice.domain.customer.Customer;
import com.customerservice.domain.customer.CustomerQuery;
import com.customerservice.domain.kyc.KycCheck;
import com.customerservice.domain.kyc.KycDocument;
import com.customerservice.domain.kyc.KycReview;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The back office's review queue: KYC cases a vendor could not decide, listed, read with their
 * evidence, claimed by a reviewer, and decided. The caller is the reviewer (their API key's name).
 */
public interface ReviewKycCasesUseCase {

  /** One page of open reviews (oldest first: a queue) or decided ones (newest decision first). */
  Page list(Query query);

  /** A review with its evidence; 404 for an id that names none. */
  Evidence get(String reviewId);

  /** The caller holds the review for a while; another reviewer's live claim is a 409. */
  Evidence claim(String reviewId);

  /** The caller decides the review; its verdict is applied to the case at once. */
  Evidence decide(String reviewId, Decision decision);

  /** Open or decided ({@code status}), a page size of 1 to 100, the token of the page before. */
  record Query(String status, int pageSize, Optional<String> pageToken) {
    public Query {
      Objects.requireNonNull(status, "status");
      CustomerQuery.requirePageSize(pageSize);
      Objects.requireNonNull(pageToken, "pageToken");
    }
  }

  /**
   * The reviews of one page, the token of the next (when there is one), and when they were read (a
   * claim holds at that time or has lapsed).
   */
  record Page(List<KycReview> reviews, Optional<String> nextPageToken, Instant asOf) {
    public Page {
      reviews = List.copyOf(reviews);
      Objects.requireNonNull(nextPageToken, "nextPageToken");
      Objects.requireNonNull(asOf, "asOf");
    }

    public boolean hasMore() {
      return nextPageToken.isPresent();
    }
  }

  /**
   * A decision as sent: {@code approve} or {@code reject}, a reason code for a rejection, a note
   * ({@code other} needs one).
   */
  record Decision(String decision, Optional<String> reasonCode, Optional<String> note) {
    public Decision {
      Objects.requireNonNull(reasonCode, "reasonCode");
      Objects.requireNonNull(note, "note");
    }
  }

  /**
   * What a reviewer decides with: the review, the check the vendor left to them, the document (what
   * it says, its pages), the customer as they stand (what they entered) when still active, and when
   * this was read.
   */
  record Evidence(
      KycReview review,
      KycCheck check,
      KycDocument document,
      Optional<Customer> customer,
      Instant asOf) {
    public Evidence {
      Objects.requireNonNull(review, "review");
      Objects.requireNonNull(check, "check");
      Objects.requireNonNull(document, "document");
      Objects.requireNonNull(customer, "customer");
      Objects.requireNonNull(asOf, "asOf");
    }

    /** Who holds the review now, if anyone. */
    public Optional<String> holder() {
      return review.holderAt(asOf);
    }
  }
}
