package com.customerservice.testkit.contract;

import static com.customerservice.testkit.contract.KycGround.T0;
import static com.customerservice.testkit.contract.KycGround.assertConflict;
import static com.customerservice.testkit.contract.KycGround.findings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.error.ConflictException;
import com.customerservice.domain.kyc.KycCheck;
import com.customerservice.domain.kyc.KycCheckId;
import com.customerservice.domain.kyc.VendorFindings;
import com.customerservice.domain.kyc.VendorJob;
import com.customerservice.domain.kyc.Verdict;
import com.customerservice.domain.port.KycCheckRepository;
import com.customerservice.domain.port.Storage;
import com.customerservice.testkit.contract.KycGround.Applicant;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link KycCheckRepository} must do: keep every field, one pending check per customer,
 * one check per vendor job, optimistic versions, the customer's checks newest first.
 */
public abstract class KycCheckRepositoryContract {
  private final SecureRandom random = new SecureRandom();

  /** A store whose checks may point at the customers, documents and files of its other ports. */
  protected abstract Storage storage();

  private KycCheckRepository checks() {
    return storage().kycChecks();
  }

  private final KycGround ground = new KycGround(this::storage);

  @Test
  void aNewCheckIsStoredAtItsFirstVersionWithEveryField() {
    Applicant applicant = ground.applicant();
    VendorJob job = new VendorJob("chk-7d4e/2", Optional.of("applicant:91af"));
    KycCheck check = ground.pending(applicant, "onfido", job, T0.plusMillis(1));

    assertThat(checks().insert(check).version()).isEqualTo(1);

    KycCheck read = checks().find(check.id()).orElseThrow();
    assertThat(read.id()).isEqualTo(check.id());
    assertThat(read.customerId()).isEqualTo(applicant.id());
    assertThat(read.document()).isEqualTo(applicant.document());
    assertThat(read.vendor()).isEqualTo("onfido");
    assertThat(read.job()).isEqualTo(job);
    assertThat(read.selfie()).isEqualTo(check.selfie());
    assertThat(read.status()).isEqualTo(KycCheck.Status.PENDING);
    assertThat(read.result()).isEmpty();
    assertThat(read.findings()).isEqualTo(VendorFindings.none());
    assertThat(read.submittedAt()).isEqualTo(T0.plusMillis(1));
    assertThat(read.decidedAt()).isEmpty();
    assertThat(read.deadline()).isEqualTo(check.deadline());
    assertThat(read.version()).isEqualTo(1);
    assertThat(checks().find(KycCheckId.KIND.next(random))).isEmpty();
  }

  @Test
  void aDecisionIsStoredWithItsResultTimeAndTheVendorsFindingsInTheirOrder() {
    KycCheck stored = checks().insert(ground.pending(ground.applicant(), T0));

    KycCheck decided =
        checks()
            .update(
                stored.decide(
                    new Verdict.Approved(Optional.empty(), findings()), T0.plusSeconds(30)));

    assertThat(decided.version()).isEqualTo(2);
    KycCheck read = checks().find(stored.id()).orElseThrow();
    assertThat(read.status()).isEqualTo(KycCheck.Status.DECIDED);
    assertThat(read.result()).contains(KycCheck.Result.VERIFIED);
    assertThat(read.decidedAt()).contains(T0.plusSeconds(30));
    assertThat(read.findings()).isEqualTo(findings());
    assertThat(read.findings().toPlainMap().keySet()).containsExactly("ResultCode", "Actions", "A");
    assertThat(read.version()).isEqualTo(2);
  }

  @Test
  void aCheckDecidedWithoutAResultOrLeftToAPersonKeepsThatStatus() {
    Applicant applicant = ground.applicant();
    KycCheck noResult = ground.decided(applicant, "smile_id", ground.newJob(), T0);
    checks().insert(noResult);
    KycCheck expired = checks().insert(ground.pending(applicant, T0.plusSeconds(1)));
    checks().update(expired.expire(expired.deadline()));

    KycCheck readNoResult = checks().find(noResult.id()).orElseThrow();
    assertThat(readNoResult.status()).isEqualTo(KycCheck.Status.DECIDED);
    assertThat(readNoResult.result()).isEmpty();
    assertThat(readNoResult.decidedAt()).contains(T0);
    KycCheck readExpired = checks().find(expired.id()).orElseThrow();
    assertThat(readExpired.status()).isEqualTo(KycCheck.Status.EXPIRED);
    assertThat(readExpired.decidedAt()).isEmpty();
  }

  @Test
  void aChangeMadeFromAStaleVersionIsRefusedAndStoresNothing() {
    KycCheck stored = checks().insert(ground.pending(ground.applicant(), T0));
    checks().update(stored.expire(stored.deadline()));

    Throwable thrown =
        catchThrowable(
            () ->
                checks()
                    .update(
                        stored.decide(
                            new Verdict.Approved(Optional.empty(), findings()),
                            T0.plusSeconds(9))));

    assertConflict(thrown, ConflictException.CONCURRENT_MODIFICATION);
    KycCheck read = checks().find(stored.id()).orElseThrow();
    assertThat(read.status()).isEqualTo(KycCheck.Status.EXPIRED);
    assertThat(read.version()).isEqualTo(2);
  }

  @Test
  void aCustomerHasAtMostOnePendingCheck() {
    Applicant applicant = ground.applicant();
    KycCheck first = checks().insert(ground.pending(applicant, T0));
    KycCheck second = ground.pending(applicant, T0.plusSeconds(1));

    assertConflict(
        catchThrowable(() -> checks().insert(second)), ConflictException.KYC_CHECK_IN_PROGRESS);

    assertThat(checks().find(second.id())).isEmpty();
    assertThat(checks().findPending(applicant.id()).map(KycCheck::id)).contains(first.id());
    // Another customer's pending check is no obstacle.
    Applicant other = ground.applicant();
    checks().insert(ground.pending(other, T0));
    assertThat(checks().findPending(other.id())).isPresent();
  }

  @Test
  void aCheckNoLongerPendingMakesWayForANewOne() {
    Applicant applicant = ground.applicant();
    KycCheck first = checks().insert(ground.pending(applicant, T0));
    checks()
        .update(
            first.decide(new Verdict.Approved(Optional.empty(), findings()), T0.plusSeconds(5)));
    assertThat(checks().findPending(applicant.id())).isEmpty();

    KycCheck next = checks().insert(ground.pending(applicant, T0.plusSeconds(10)));

    assertThat(checks().findPending(applicant.id()).map(KycCheck::id)).contains(next.id());
  }

  @Test
  void aCheckIsFoundByItsVendorsJob() {
    Applicant applicant = ground.applicant();
    VendorJob job = ground.newJob();
    KycCheck check = checks().insert(ground.pending(applicant, "smile_id", job, T0));

    assertThat(checks().findByJob("smile_id", job.reference()).map(KycCheck::id))
        .contains(check.id());
    assertThat(checks().findByJob("onfido", job.reference())).isEmpty();
    assertThat(checks().findByJob("smile_id", ground.newJob().reference())).isEmpty();
  }

  @Test
  void aVendorJobNamesOneCheck() {
    VendorJob job = ground.newJob();
    checks().insert(ground.pending(ground.applicant(), "smile_id", job, T0));
    KycCheck twin = ground.decided(ground.applicant(), "smile_id", job, T0);

    assertThatThrownBy(() -> checks().insert(twin)).isInstanceOf(RuntimeException.class);

    assertThat(checks().find(twin.id())).isEmpty();
    // The same reference from another vendor names another job.
    checks().insert(ground.decided(ground.applicant(), "onfido", job, T0));
  }

  @Test
  void aCustomersChecksAreListedNewestFirstAndAtMostAsManyAsAsked() {
    Applicant applicant = ground.applicant();
    KycCheck oldest = ground.decided(applicant, "smile_id", ground.newJob(), T0);
    KycCheck tieA = ground.decided(applicant, "smile_id", ground.newJob(), T0.plusSeconds(60));
    KycCheck tieB = ground.decided(applicant, "smile_id", ground.newJob(), T0.plusSeconds(60));
    KycCheck newest = ground.pending(applicant, T0.plusSeconds(120));
    for (KycCheck check : List.of(tieA, newest, oldest, tieB)) {
      checks().insert(check);
    }
    checks().insert(ground.pending(ground.applicant(), T0.plusSeconds(90)));
    // Checks submitted at one instant are listed by id, the greater first.
    List<KycCheck> ties =
        tieA.id().value().compareTo(tieB.id().value()) > 0
            ? List.of(tieA, tieB)
            : List.of(tieB, tieA);

    assertThat(ids(checks().ofCustomer(applicant.id(), 10)))
        .containsExactly(newest.id(), ties.get(0).id(), ties.get(1).id(), oldest.id());
    assertThat(ids(checks().ofCustomer(applicant.id(), 2)))
        .containsExactly(newest.id(), ties.get(0).id());
    assertThat(checks().ofCustomer(CustomerId.KIND.next(random), 10)).isEmpty();
  }

  @Test
  void theSubjectIsTheOneTheVendorGaveInTheCustomersMostRecentJobThatNamedOne() {
    Applicant applicant = ground.applicant();
    List.of(
            ground.decided(applicant, "onfido", named("c1", "applicant-old"), T0),
            ground.decided(applicant, "onfido", named("c2", "applicant-new"), T0.plusSeconds(60)),
            ground.decided(applicant, "onfido", VendorJob.of("c3"), T0.plusSeconds(120)),
            ground.decided(applicant, "other", named("c4", "someone-else"), T0.plusSeconds(180)))
        .forEach(checks()::insert);

    assertThat(checks().subject(applicant.id(), "onfido")).contains("applicant-new");
    assertThat(checks().subject(applicant.id(), "smile_id")).isEmpty();
    assertThat(checks().subject(ground.applicant().id(), "onfido")).isEmpty();
  }

  @Test
  void aCheckInsertedInAFailedUnitOfWorkIsNotKept() {
    Applicant applicant = ground.applicant();
    KycCheck check = ground.pending(applicant, T0);

    assertThatThrownBy(
            () ->
                storage()
                    .unitOfWork()
                    .inTransaction(
                        () -> {
                          checks().insert(check);
                          throw new IllegalStateException("boom");
                        }))
        .hasMessage("boom");

    assertThat(checks().find(check.id())).isEmpty();
    assertThat(checks().findPending(applicant.id())).isEmpty();
  }

  private static VendorJob named(String reference, String subject) {
    return new VendorJob(reference, Optional.of(subject));
  }

  private static List<KycCheckId> ids(List<KycCheck> checks) {
    return checks.stream().map(KycCheck::id).toList();
  }
}
