package com.customerservice.application.port.in;

import java.time.Instant;
import java.util.Optional;

/**
 * The service's own follow-up of pending KYC checks, run by the scheduler: asking the vendor again,
 * and giving up at the deadline. Each answers when it wants to run again for the check, or empty
 * when the check needs it no more.
 */
public interface FollowUpKycChecksUseCase {

  /** Asks the vendor about a pending check and applies a verdict it gives. */
  Optional<Instant> poll(String checkId);

  /** At a pending check's deadline: it expires and a person decides instead. */
  Optional<Instant> expire(String checkId);
}
