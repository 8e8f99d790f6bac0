package com.customerservice.testkit.contract;

import static com.customerservice.testkit.contract.KycGround.T0;
import static com.customerservice.testkit.contract.KycGround.assertConflict;
import static com.customerservice.testkit.contract.KycGround.findings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.error.ConflictException;
import com.customerservice.domain.event.Actor;
import com.customerservice.domain.event.CustomerEvent;
import com.customerservice.domain.event.EventData;
import com.customerservice.domain.event.EventId;
import com.customerservice.domain.event.EventType;
import com.customerservice.domain.kyc.KycCheck;
import com.customerservice.domain.kyc.KycReview;
import com.customerservice.domain.kyc.KycReviewId;
import com.customerservice.domain.kyc.Refusal;
import com.customerservice.domain.kyc.ReviewDecision;
import com.customerservice.domain.kyc.ReviewPage;
import com.customerservice.domain.port.KycReviewRepository;
import com.customerservice.domain.port.Storage;
import com.customerservice.domain.shared.Keyset;
import com.customerservice.testkit.contract.KycGround.Applicant;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link KycReviewRepository} must do: keep every field of a review, its claim and its
 * decision; one open review per customer; optimistic versions; the events of a write stored with it
 * or not at all; the open queue oldest first and the decided list newest decided first, pages that
 * neither skip nor repeat. The lists may hold other tests' reviews: each test looks at its own.
 */
public abstract class KycReviewRepositoryContract {
  private static final Duration HOUR = Duration.ofHours(1);
  private final SecureRandom random = new SecureRandom();

  /** A store whose reviews may point at the customers and checks of its other ports. */
  protected abstract Storage storage();

  private final KycGround ground = new KycGround(this::storage);

  private KycReviewRepository reviews() {
    return storage().kycReviews();
  }

  /**
   * A review of a new check of {@code applicant} that the deadline left to a person at {@code at}.
   */
  private KycReview opened(Applicant applicant, Instant at) {
    KycCheck check = ground.expired(applicant, at);
    return KycReview.open(
        KycReviewId.KIND.next(random),
        check,
        KycReview.Reason.VENDOR_TIMEOUT,
        findings(),
        Actor.scheduler(),
        at);
  }

  /** {@link #opened}, stored, as a read returns it. */
  private KycReview stored(Applicant applicant, Instant at) {
    KycReview review = opened(applicant, at);
    reviews().insert(review);
    return reviews().find(review.id()).orElseThrow();
  }

  private KycReview decided(KycReview open, Instant at) {
    return reviews().update(open.decide(approval("alice", at)));
  }

  private static ReviewDecision approval(String reviewer, Instant at) {
    return new ReviewDecision(
        ReviewDecision.Decision.APPROVE, Optional.empty(), Optional.empty(), reviewer, at);
  }

  private CustomerEvent event(KycReview review, EventType type) {
    return new CustomerEvent(
        EventId.KIND.next(random),
        type,
        review.customerId(),
        review.createdAt(),
        EventData.empty().with("review_id", review.id().value()),
        Actor.scheduler(),
        Optional.empty());
  }

  @Test
  void anOpenReviewIsStoredAtItsFirstVersionWithEveryField() {
    Applicant applicant = ground.applicant();
    KycReview review = opened(applicant, T0.plusMillis(7));

    reviews().insert(review);

    KycReview read = reviews().find(review.id()).orElseThrow();
    assertThat(read.id()).isEqualTo(review.id());
    assertThat(read.customerId()).isEqualTo(applicant.id());
    assertThat(read.checkId()).isEqualTo(review.checkId());
    assertThat(read.vendor()).isEqualTo("smile_id");
    assertThat(read.reason()).isEqualTo(KycReview.Reason.VENDOR_TIMEOUT);
    assertThat(read.findings()).isEqualTo(findings());
    assertThat(read.findings().toPlainMap().keySet()).containsExactly("ResultCode", "Actions", "A");
    assertThat(read.status()).isEqualTo(KycReview.Status.OPEN);
    assertThat(read.claim()).isEmpty();
    assertThat(read.decision()).isEmpty();
    assertThat(read.createdAt()).isEqualTo(T0.plusMillis(7));
    assertThat(read.closedAt()).isEmpty();
    assertThat(read.version()).isEqualTo(1);
    assertThat(read.happenings()).isEmpty();
    assertThat(reviews().findOpen(applicant.id()).map(KycReview::id)).contains(review.id());
    assertThat(reviews().find(KycReviewId.KIND.next(random))).isEmpty();
    assertThat(reviews().findOpen(CustomerId.KIND.next(random))).isEmpty();
  }

  @Test
  void aClaimAndARejectionAreStoredWithEveryField() {
    Applicant applicant = ground.applicant();
    KycReview open = stored(applicant, T0);
    ReviewDecision rejection =
        new ReviewDecision(
            ReviewDecision.Decision.REJECT,
            Optional.of(Refusal.OTHER),
            Optional.of("The selfie is a photo of a screen.\nAsked the branch to call them."),
            "alice",
            T0.plusSeconds(120));

    KycReview claimed = reviews().update(open.claim("alice", T0.plusSeconds(60)));
    KycReview decided = reviews().update(claimed.decide(rejection));

    assertThat(claimed.version()).isEqualTo(2);
    assertThat(decided.version()).isEqualTo(3);
    KycReview read = reviews().find(open.id()).orElseThrow();
    assertThat(read.status()).isEqualTo(KycReview.Status.DECIDED);
    assertThat(read.claim())
        .contains(new KycReview.Claim("alice", T0.plusSeconds(60).plus(KycReview.CLAIM_HOLD)));
    assertThat(read.decision()).contains(rejection);
    assertThat(read.closedAt()).contains(T0.plusSeconds(120));
    assertThat(read.version()).isEqualTo(3);
    assertThat(reviews().findOpen(applicant.id())).isEmpty();
  }

  @Test
  void anApprovalOfAnUnclaimedReviewIsStoredWithTheDecidersClaim() {
    KycReview open = stored(ground.applicant(), T0);

    decided(open, T0.plusSeconds(30));

    KycReview read = reviews().find(open.id()).orElseThrow();
    assertThat(read.decision()).contains(approval("alice", T0.plusSeconds(30)));
    assertThat(read.holderAt(T0.plusSeconds(31))).contains("alice");
  }

  @Test
  void aSupersededReviewIsClosedWithoutADecision() {
    Applicant applicant = ground.applicant();
    KycReview open = stored(applicant, T0);

    reviews().update(open.supersede(T0.plusSeconds(5)));

    KycReview read = reviews().find(open.id()).orElseThrow();
    assertThat(read.status()).isEqualTo(KycReview.Status.SUPERSEDED);
    assertThat(read.closedAt()).contains(T0.plusSeconds(5));
    assertThat(read.decision()).isEmpty();
    assertThat(reviews().findOpen(applicant.id())).isEmpty();
  }

  @Test
  void aChangeMadeFromAStaleVersionIsRefusedAndStoresNothing() {
    KycReview open = stored(ground.applicant(), T0);
    reviews().update(open.claim("alice", T0.plusSeconds(1)));

    assertConflict(
        catchThrowable(() -> decided(open, T0.plusSeconds(2))),
        ConflictException.CONCURRENT_MODIFICATION);

    KycReview read = reviews().find(open.id()).orElseThrow();
    assertThat(read.status()).isEqualTo(KycReview.Status.OPEN);
    assertThat(read.version()).isEqualTo(2);
  }

  @Test
  void aCustomerHasAtMostOneOpenReview() {
    Applicant applicant = ground.applicant();
    KycReview first = stored(applicant, T0);
    KycReview second = opened(applicant, T0.plus(HOUR));

    assertConflict(
        catchThrowable(() -> reviews().insert(second)), ConflictException.KYC_CHECK_IN_PROGRESS);
    assertThat(reviews().find(second.id())).isEmpty();

    decided(first, T0.plus(HOUR));
    KycReview third = stored(applicant, T0.plus(HOUR.multipliedBy(2)));
    assertThat(reviews().findOpen(applicant.id()).map(KycReview::id)).contains(third.id());
  }

  @Test
  void theEventsOfAWriteAreStoredWithIt() {
    KycReview review = opened(ground.applicant(), T0);
    CustomerEvent opened = event(review, EventType.KYC_REVIEW_REQUIRED);
    reviews().insert(review, List.of(opened));
    KycReview stored = reviews().find(review.id()).orElseThrow();
    CustomerEvent verified = event(review, EventType.KYC_VERIFIED);
    CustomerEvent more = event(review, EventType.KYC_REOPENED);

    reviews().update(stored.decide(approval("bob", T0.plusSeconds(1))), List.of(verified, more));

    assertThat(storage().events().find(opened.id())).contains(opened);
    assertThat(storage().events().find(verified.id())).contains(verified);
    assertThat(storage().events().find(more.id())).contains(more);
  }

  @Test
  void aRefusedWriteStoresNoneOfItsEvents() {
    Applicant applicant = ground.applicant();
    KycReview open = stored(applicant, T0);
    reviews().update(open.claim("alice", T0));
    KycReview second = opened(applicant, T0.plusSeconds(1));
    CustomerEvent refused = event(second, EventType.KYC_REVIEW_REQUIRED);
    CustomerEvent stale = event(open, EventType.KYC_VERIFIED);

    assertConflict(
        catchThrowable(() -> reviews().insert(second, List.of(refused))),
        ConflictException.KYC_CHECK_IN_PROGRESS);
    assertConflict(
        catchThrowable(
            () ->
                reviews()
                    .update(open.decide(approval("alice", T0.plusSeconds(2))), List.of(stale))),
        ConflictException.CONCURRENT_MODIFICATION);

    assertThat(storage().events().find(refused.id())).isEmpty();
    assertThat(storage().events().find(stale.id())).isEmpty();
  }

  @Test
  void theOpenQueueIsOldestFirstAndTheDecidedListByDecisionNewestFirst() {
    Instant base = uniqueBase();
    KycReview decidedFirst = stored(ground.applicant(), base.plus(HOUR));
    KycReview decidedLast = stored(ground.applicant(), base.plus(HOUR.multipliedBy(2)));
    KycReview queuedSecond = stored(ground.applicant(), base.plus(HOUR.multipliedBy(4)));
    KycReview queuedFirst = stored(ground.applicant(), base.plus(HOUR.multipliedBy(3)));
    KycReview superseded = stored(ground.applicant(), base);
    // Decided in the other order than they opened: the list follows the decisions.
    decided(decidedLast, base.plus(HOUR.multipliedBy(9)));
    decided(decidedFirst, base.plus(HOUR.multipliedBy(10)));
    reviews().update(superseded.supersede(base.plus(HOUR.multipliedBy(11))));
    List<KycReviewId> mine = ids(decidedFirst, decidedLast, queuedFirst, queuedSecond, superseded);

    assertThat(mineIn(walk(KycReview.Status.OPEN, 2, () -> {}), mine))
        .containsExactly(queuedFirst.id(), queuedSecond.id());
    assertThat(mineIn(walk(KycReview.Status.DECIDED, 2, () -> {}), mine))
        .containsExactly(decidedFirst.id(), decidedLast.id());
  }

  @Test
  void reviewsListedAtOneInstantArePagedByIdWithoutLoss() {
    Instant at = uniqueBase();
    List<KycReview> open = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      open.add(stored(ground.applicant(), at));
    }
    for (KycReview review : open.subList(0, 3)) {
      decided(review, at.plus(HOUR));
    }
    List<KycReviewId> decidedIds = ids(open.subList(0, 3).toArray(KycReview[]::new));
    List<KycReviewId> openIds = ids(open.subList(3, 7).toArray(KycReview[]::new));

    assertThat(mineIn(walk(KycReview.Status.OPEN, 2, () -> {}), openIds))
        .containsExactlyElementsOf(sorted(openIds, Comparator.naturalOrder()));
    assertThat(mineIn(walk(KycReview.Status.DECIDED, 2, () -> {}), decidedIds))
        .containsExactlyElementsOf(sorted(decidedIds, Comparator.reverseOrder()));
  }

  @Test
  void pagesNeitherSkipNorRepeatWhileReviewsOpenAndAreDecided() {
    Instant base = uniqueBase();
    List<KycReview> queued = new ArrayList<>();
    List<KycReview> decided = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      queued.add(stored(ground.applicant(), base.plusSeconds(i)));
      decided.add(
          decided(stored(ground.applicant(), base.plusSeconds(i)), base.plusSeconds(60 + i)));
    }
    List<Instant> later = new ArrayList<>(List.of(base.plus(HOUR)));
    // Between two pages, a new review opens and another is decided.
    Runnable meanwhile =
        () -> {
          Instant now = later.get(0);
          later.set(0, now.plusSeconds(1));
          stored(ground.applicant(), now);
          decided(stored(ground.applicant(), now), now);
        };

    List<KycReviewId> openWalk = walk(KycReview.Status.OPEN, 2, meanwhile);
    List<KycReviewId> decidedWalk = walk(KycReview.Status.DECIDED, 2, meanwhile);

    assertThat(openWalk).doesNotHaveDuplicates();
    assertThat(decidedWalk).doesNotHaveDuplicates();
    List<KycReviewId> queuedIds = ids(queued.toArray(KycReview[]::new));
    List<KycReviewId> decidedIds = ids(decided.toArray(KycReview[]::new));
    assertThat(mineIn(openWalk, queuedIds)).containsExactlyElementsOf(queuedIds);
    assertThat(mineIn(decidedWalk, decidedIds)).containsExactlyElementsOf(newestFirst(decidedIds));
  }

  /**
   * Every review of the list in {@code status}, page after page of {@code size}, running {@code
   * meanwhile} between two pages.
   */
  private List<KycReviewId> walk(KycReview.Status status, int size, Runnable meanwhile) {
    List<KycReviewId> seen = new ArrayList<>();
    Optional<Keyset> after = Optional.empty();
    for (int pages = 0; pages < 10_000; pages++) {
      ReviewPage page = reviews().page(new ReviewPage.Query(status, size, after));
      assertThat(page.reviews()).hasSizeLessThanOrEqualTo(size).allMatch(r -> r.status() == status);
      page.reviews().forEach(r -> seen.add(r.id()));
      after = page.next();
      if (after.isEmpty()) {
        return seen;
      }
      meanwhile.run();
    }
    throw new AssertionError("the pages of " + status.code() + " reviews never end");
  }

  private static List<KycReviewId> newestFirst(List<KycReviewId> oldestFirst) {
    List<KycReviewId> reversed = new ArrayList<>(oldestFirst);
    Collections.reverse(reversed);
    return reversed;
  }

  private static List<KycReviewId> mineIn(List<KycReviewId> listed, List<KycReviewId> mine) {
    return listed.stream().filter(mine::contains).toList();
  }

  private static List<KycReviewId> ids(KycReview... reviews) {
    return Arrays.stream(reviews).map(KycReview::id).toList();
  }

  private static List<KycReviewId> sorted(List<KycReviewId> ids, Comparator<String> byValue) {
    return ids.stream().sorted(Comparator.comparing(KycReviewId::value, byValue)).toList();
  }

  /** Times no other test uses, so that a test's reviews keep their places among the others'. */
  private Instant uniqueBase() {
    return T0.plus(Duration.ofDays(1 + Math.floorMod(random.nextInt(), 36_500)));
  }
}
