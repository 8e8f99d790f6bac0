package com.customerservice.domain.kyc;

import com.customerservice.domain.customer.CustomerQuery;
import com.customerservice.domain.shared.Keyset;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of reviews and where the next starts. Open reviews are a queue, oldest first by when
 * they opened; decided ones are listed by when they were decided, newest first. The keyset's time
 * is the time the list is ordered by.
 */
public record ReviewPage(List<KycReview> reviews, Optional<Keyset> next) {
  public ReviewPage {
    reviews = List.copyOf(reviews);
    Objects.requireNonNull(next, "next");
  }

  /** A page from up to {@code limit + 1} rows fetched in order: the extra row tells more exist. */
  public static ReviewPage fromOverfetch(List<KycReview> rows, Query query) {
    if (rows.size() <= query.limit()) {
      return new ReviewPage(rows, Optional.empty());
    }
    KycReview last = rows.get(query.limit() - 1);
    return new ReviewPage(
        rows.subList(0, query.limit()),
        Optional.of(new Keyset(query.orderedAt(last), last.id().value())));
  }

  /** One page request: reviews in {@code status} (open or decided), after a position. */
  public record Query(KycReview.Status status, int limit, Optional<Keyset> after) {
    public Query {
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(after, "after");
      if (status == KycReview.Status.SUPERSEDED) {
        throw new IllegalArgumentException("reviews are listed open or decided");
      }
      CustomerQuery.requirePageSize(limit);
    }

    /** Whether the list runs oldest first (the open queue) rather than newest first. */
    public boolean oldestFirst() {
      return status == KycReview.Status.OPEN;
    }

    /** The time a review is ordered by in this list. */
    public Instant orderedAt(KycReview review) {
      return oldestFirst() ? review.createdAt() : review.closedAt().orElseThrow();
    }

    /** Whether {@code review} comes after the query's position in this list's order. */
    public boolean listsAfterPosition(KycReview review) {
      if (after.isEmpty()) {
        return true;
      }
      Keyset at = after.get();
      int byTime = orderedAt(review).compareTo(at.createdAt());
      int order = byTime != 0 ? byTime : review.id().value().compareTo(at.id());
      return oldestFirst() ? order > 0 : order < 0;
    }

    /** The list a page token is bound to. */
    public String scope() {
      return "reviews|" + status.code();
    }
  }
}
