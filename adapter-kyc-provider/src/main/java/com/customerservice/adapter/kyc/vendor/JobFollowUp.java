package com.customerservice.adapter.kyc.vendor;

import com.customerservice.domain.kyc.VendorJob;
import com.customerservice.domain.kyc.Verdict;
import com.customerservice.domain.port.KycVerifier.Poll;
import com.customerservice.domain.port.KycVerifier.Submission;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Following a job a vendor has taken: the short wait of the selfie's request (a poll every {@link
 * VendorTimings#pollInterval} until the vendor decides or {@link VendorTimings#verdictWait} has
 * passed), then the service's own polls. During the wait the job exists, so a failure only ends the
 * wait and leaves the job to the polls: a customer's retry must never pay for a second job. A poll
 * that fails is an outage the scheduler retries.
 */
public final class JobFollowUp {
  private static final Logger LOG = LoggerFactory.getLogger(JobFollowUp.class);

  private final String vendor;
  private final VendorTimings timings;
  private final Clock clock;

  /** Follows up jobs of {@code vendor} (its name as people know it, for log lines). */
  public JobFollowUp(String vendor, VendorTimings timings, Clock clock) {
    this.vendor = vendor;
    this.timings = timings;
    this.clock = clock;
  }

  /**
   * What {@code submit} answers for {@code job}, just taken: decided if {@code read} finds the
   * verdict within the wait, taken otherwise.
   */
  public Submission afterSubmit(VendorJob job, Supplier<Optional<Verdict>> read) {
    return await(job.reference(), read)
        .<Submission>map(verdict -> new Submission.Decided(job, verdict))
        .orElseGet(() -> new Submission.Submitted(job));
  }

  /** What {@code poll} answers for {@code job}: {@code read}'s verdict, or a 503 in an outage. */
  public Poll poll(VendorJob job, Supplier<Optional<Verdict>> read) {
    try {
      return read.get().<Poll>map(Poll.Decided::new).orElseGet(Poll.StillPending::new);
    } catch (VendorFailure | CallNotPermittedException e) {
      LOG.warn("{} job {} not polled: {}", vendor, job.reference(), VendorFailure.reason(e));
      throw VendorFailure.unavailable(e);
    }
  }

  private Optional<Verdict> await(String job, Supplier<Optional<Verdict>> read) {
    Instant deadline = clock.instant().plus(timings.verdictWait());
    long polls =
        timings.verdictWait().isZero()
            ? 0
            : 1 + timings.verdictWait().dividedBy(timings.pollInterval());
    try {
      for (long attempt = 1; attempt <= polls; attempt++) {
        Optional<Verdict> verdict = read.get();
        if (verdict.isPresent()) {
          return verdict;
        }
        if (attempt == polls || !clock.instant().plus(timings.pollInterval()).isBefore(deadline)) {
          break;
        }
        Thread.sleep(timings.pollInterval().toMillis());
      }
      LOG.info(
          "{} job {} not decided within {}: left to the polls", vendor, job, timings.verdictWait());
    } catch (VendorFailure | CallNotPermittedException e) {
      LOG.warn("{} job {} taken, its verdict not read: {}", vendor, job, VendorFailure.reason(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.warn("{} job {} taken, the wait for its verdict interrupted", vendor, job);
    }
    return Optional.empty();
  }

  /** A verdict in a few words for a log line: never what the vendor read. */
  public static String describe(Verdict verdict) {
    if (verdict instanceof Verdict.Refused refused) {
      return "refused (" + refused.refusal().code() + ")";
    }
    if (verdict instanceof Verdict.NeedsReview review) {
      return "review (" + review.reason().code() + ")";
    }
    return "approved";
  }
}
