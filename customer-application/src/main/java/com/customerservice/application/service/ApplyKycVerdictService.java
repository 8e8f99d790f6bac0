package com.customerservice.application.service;

import com.customerservice.application.port.in.ApplyKycVerdictUseCase;
import com.customerservice.domain.customer.Customer;
import com.customerservice.domain.error.ConflictException;
import com.customerservice.domain.error.NotFoundException;
import com.customerservice.domain.event.Actor;
import com.customerservice.domain.event.EventData;
import com.customerservice.domain.kyc.DocumentExtraction;
import com.customerservice.domain.kyc.KycCase;
import com.customerservice.domain.kyc.KycCheck;
import com.customerservice.domain.kyc.KycCheckId;
import com.customerservice.domain.kyc.KycDocument;
import com.customerservice.domain.kyc.KycReview;
import com.customerservice.domain.kyc.KycReviewId;
import com.customerservice.domain.kyc.ReviewDecision;
import com.customerservice.domain.kyc.VendorFindings;
import com.customerservice.domain.kyc.Verdict;
import com.customerservice.domain.port.CustomerRepository;
import com.customerservice.domain.port.KycCheckRepository;
import com.customerservice.domain.port.KycRecordRepository;
import com.customerservice.domain.port.KycReviewRepository;
import com.customerservice.domain.port.UnitOfWork;
import com.customerservice.domain.shared.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;

/**
 * Applies KYC verdicts, each in one short transaction: the check, the customer's case (and the
 * identity a verification proved), the review a person must decide, and their events. Every write
 * is versioned, so when two bearers of news race (a callback and a poll, two reviewers) one wins
 * and the other, run again on what the winner stored, finds nothing left to decide.
 */
public final class ApplyKycVerdictService implements ApplyKycVerdictUseCase {
  private final CustomerRepository customers;
  private final KycCheckRepository checks;
  private final KycReviewRepository reviews;
  private final KycRecordRepository records;
  private final UnitOfWork unitOfWork;
  private final RandomGenerator random;
  private final Clock clock;

  public ApplyKycVerdictService(
      CustomerRepository customers,
      KycCheckRepository checks,
      KycReviewRepository reviews,
      KycRecordRepository records,
      UnitOfWork unitOfWork,
      RandomGenerator random,
      Clock clock) {
    this.customers = customers;
    this.checks = checks;
    this.reviews = reviews;
    this.records = records;
    this.unitOfWork = unitOfWork;
    this.random = random;
    this.clock = clock;
  }

  @Override
  public Optional<Applied> apply(KycCheckId id, Verdict verdict) {
    return once(
        () ->
            unitOfWork.inTransaction(
                () ->
                    checks
                        .find(id)
                        .filter(KycCheck::isPending)
                        .map(
                            c ->
                                applyTo(
                                    c,
                                    verdict,
                                    document(c),
                                    customers.findActive(c.customerId()),
                                    checks::update))));
  }

  /**
   * Applies the vendor's verdict to a check just submitted (a selfie the vendor decided at once),
   * in the caller's transaction, with the document and the customer the caller read there: the
   * check is stored as decided.
   */
  Applied applyToNew(KycCheck submitted, Verdict verdict, KycDocument document, Customer customer) {
    return unitOfWork.inTransaction(
        () -> applyTo(submitted, verdict, document, Optional.of(customer), checks::insert));
  }

  @Override
  public Optional<KycReview> expire(KycCheckId id) {
    return once(
        () ->
            unitOfWork.inTransaction(
                () -> {
                  Instant now = Timestamps.now(clock);
                  return checks
                      .find(id)
                      .filter(KycCheck::isPending)
                      .filter(c -> !now.isBefore(c.deadline()))
                      .map(c -> expired(c, now));
                }));
  }

  @Override
  public KycReview decide(KycReviewId id, ReviewDecision decision) {
    return once(() -> unitOfWork.inTransaction(() -> decided(id, decision)));
  }

  private Applied applyTo(
      KycCheck check,
      Verdict verdict,
      KycDocument document,
      Optional<Customer> customer,
      UnaryOperator<KycCheck> store) {
    Instant now = Timestamps.now(clock);
    verdict
        .reading()
        .filter(read -> document.extraction().isEmpty())
        .ifPresent(read -> records.recordReading(document.reference(), read));
    Optional<DocumentExtraction> identity = document.extraction().or(verdict::reading);
    Verdict applied = verdict.against(identity, LocalDate.ofInstant(now, ZoneOffset.UTC));
    KycCheck decided = store.apply(check.decide(applied, now));
    // The vendor decided, whoever brought its verdict.
    Actor vendor = Actor.kycProvider(check.vendor());
    if (applied instanceof Verdict.NeedsReview review) {
      return new Applied(
          decided,
          applied,
          Optional.empty(),
          Optional.of(open(decided, review.reason(), review.findings(), vendor, now)));
    }
    Optional<Customer> changed =
        customer.map(c -> change(c, applied, identity, vendor, checkDetail(check), now));
    return new Applied(decided, applied, changed, Optional.empty());
  }

  private KycReview expired(KycCheck check, Instant now) {
    KycCheck expired = checks.update(check.expire(now));
    VendorFindings findings =
        check
            .findings()
            .with("outcome", "no verdict from " + check.vendor() + " by " + check.deadline());
    return open(expired, KycReview.Reason.VENDOR_TIMEOUT, findings, Actor.scheduler(), now);
  }

  private KycReview decided(KycReviewId id, ReviewDecision decision) {
    KycReview review =
        reviews
            .find(id)
            .orElseThrow(() -> new NotFoundException("id", "No such review: " + id.value()));
    // The review first: a second decision made at the same time stops here, on its version.
    KycReview decidedReview = reviews.update(review.decide(decision));
    KycCheck check =
        checks
            .find(review.checkId())
            .orElseThrow(() -> new IllegalStateException("no check for review " + id));
    KycDocument document = document(check);
    Verdict verdict = decision.verdict(document.extraction(), review.findings());
    Instant now = decision.decidedAt();
    checks.update(check.decideByPerson(verdict.checkResult(), now));
    EventData detail = decision.describe(id).with("check_id", check.id().value());
    customers
        .findActive(review.customerId())
        .ifPresent(
            customer ->
                change(
                    customer,
                    verdict,
                    document.extraction(),
                    Actor.apiKey(decision.decidedBy()),
                    detail,
                    now));
    return decidedReview;
  }

  private KycReview open(
      KycCheck check,
      KycReview.Reason reason,
      VendorFindings findings,
      Actor openedBy,
      Instant now) {
    KycReview review =
        KycReview.open(KycReviewId.KIND.next(random), check, reason, findings, openedBy, now);
    reviews.insert(review);
    return review;
  }

  private Customer change(
      Customer customer,
      Verdict verdict,
      Optional<DocumentExtraction> identity,
      Actor decidedBy,
      EventData detail,
      Instant now) {
    Optional<KycCase.Transition> transition =
        verdict.transition(customer.kyc(), identity, decidedBy, detail);
    return transition.isEmpty()
        ? customer
        : customers.update(customer.apply(transition.get(), now));
  }

  private KycDocument document(KycCheck check) {
    return records
        .findDocument(check.document())
        .orElseThrow(() -> new IllegalStateException("no document for check " + check.id()));
  }

  private static EventData checkDetail(KycCheck check) {
    return EventData.empty().with("check_id", check.id().value());
  }

  /**
   * Runs {@code work} again once when a concurrent writer moved a version on: the second run reads
   * what the winner stored, and finds the verdict applied (nothing to do) or the review decided (a
   * conflict the caller hears of).
   */
  private static <T> T once(Supplier<T> work) {
    try {
      return work.get();
    } catch (ConflictException e) {
      if (!ConflictException.CONCURRENT_MODIFICATION.equals(e.code())) {
        throw e;
      }
      return work.get();
    }
  }
}
