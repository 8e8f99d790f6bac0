package com.customerservice.application.service;

import com.customerservice.application.port.in.ApplyKycVerdictUseCase;
import com.customerservice.application.port.in.ReviewKycCasesUseCase;
import com.customerservice.application.port.out.CallContext;
import com.customerservice.domain.customer.PageTokenCodec;
import com.customerservice.domain.error.NotFoundException;
import com.customerservice.domain.kyc.KycCheck;
import com.customerservice.domain.kyc.KycDocument;
import com.customerservice.domain.kyc.KycReview;
import com.customerservice.domain.kyc.KycReviewId;
import com.customerservice.domain.kyc.Refusal;
import com.customerservice.domain.kyc.ReviewDecision;
import com.customerservice.domain.kyc.ReviewPage;
import com.customerservice.domain.port.CustomerRepository;
import com.customerservice.domain.port.KycCheckRepository;
import com.customerservice.domain.port.KycRecordRepository;
import com.customerservice.domain.port.KycReviewRepository;
import com.customerservice.domain.port.UnitOfWork;
import com.customerservice.domain.shared.Coded;
import com.customerservice.domain.shared.Keyset;
import com.customerservice.domain.shared.Timestamps;
import java.time.Clock;
import java.util.Optional;

/**
 * The review queue over the stores: lists behind signed page tokens, reads a review's evidence,
 * claims in one versioned write, and hands decisions to the one verdict writer.
 */
public final class ReviewKycCasesService implements ReviewKycCasesUseCase {
  private static final String STATUS = "status";

  private final KycReviewRepository reviews;
  private final KycCheckRepository checks;
  private final KycRecordRepository records;
  private final CustomerRepository customers;
  private final ApplyKycVerdictUseCase verdicts;
  private final UnitOfWork unitOfWork;
  private final PageTokenCodec tokens;
  private final CallContext calls;
  private final Clock clock;

  /** What the queue reads: reviews, their checks, documents and customers. */
  public record Stores(
      KycReviewRepository reviews,
      KycCheckRepository checks,
      KycRecordRepository records,
      CustomerRepository customers,
      UnitOfWork unitOfWork) {}

  public ReviewKycCasesService(
      Stores stores,
      ApplyKycVerdictUseCase verdicts,
      PageTokenCodec tokens,
      CallContext calls,
      Clock clock) {
    this.reviews = stores.reviews();
    this.checks = stores.checks();
    this.records = stores.records();
    this.customers = stores.customers();
    this.unitOfWork = stores.unitOfWork();
    this.verdicts = verdicts;
    this.tokens = tokens;
    this.calls = calls;
    this.clock = clock;
  }

  @Override
  public Page list(Query query) {
    KycReview.Status status = listed(query.status());
    String scope = new ReviewPage.Query(status, query.pageSize(), Optional.empty()).scope();
    Optional<Keyset> after =
        query
            .pageToken()
            .map(
                token ->
                    Keyset.fromPosition(tokens.decode(token, scope), KycReviewId.KIND)
                        .orElseThrow(
                            () ->
                                new IllegalStateException(
                                    "a signed token held a malformed position")));
    ReviewPage page = reviews.page(new ReviewPage.Query(status, query.pageSize(), after));
    return new Page(
        page.reviews(),
        page.next().map(next -> tokens.encode(next.position(), scope)),
        clock.instant());
  }

  @Override
  public Evidence get(String reviewId) {
    return evidence(find(reviewId));
  }

  @Override
  public Evidence claim(String reviewId) {
    KycReview review = find(reviewId);
    KycReview claimed =
        unitOfWork.inTransaction(
            () -> reviews.update(review.claim(reviewer(), Timestamps.now(clock))));
    return evidence(claimed);
  }

  @Override
  public Evidence decide(String reviewId, Decision sent) {
    // What was sent is judged before the review is looked up, as every request's body is.
    ReviewDecision decision =
        new ReviewDecision(
            ReviewDecision.Decision.parse(sent.decision()),
            sent.reasonCode().map(Refusal::parseReviewerReason),
            sent.note(),
            reviewer(),
            Timestamps.now(clock));
    KycReview review = find(reviewId);
    return evidence(verdicts.decide(review.id(), decision));
  }

  /** The caller's API key name: who holds and decides reviews, in the audit trail too. */
  private String reviewer() {
    return calls.actor().name();
  }

  private KycReview find(String reviewId) {
    return KycReviewId.KIND
        .parse(reviewId)
        .flatMap(reviews::find)
        .orElseThrow(() -> new NotFoundException("id", "No such review"));
  }

  private Evidence evidence(KycReview review) {
    KycCheck check =
        checks
            .find(review.checkId())
            .orElseThrow(() -> new IllegalStateException("no check for " + review.id()));
    KycDocument document =
        records
            .findDocument(check.document())
            .orElseThrow(() -> new IllegalStateException("no document for " + check.id()));
    return new Evidence(
        review, check, document, customers.findActive(review.customerId()), clock.instant());
  }

  /** The lists there are: a superseded review is read by its id, never listed. */
  private static KycReview.Status listed(String status) {
    return Coded.parse(
        new KycReview.Status[] {KycReview.Status.OPEN, KycReview.Status.DECIDED}, status, STATUS);
  }
}
