package com.customerservice.application.service;

import com.customerservice.application.port.in.ApplyKycVerdictUseCase;
import com.customerservice.application.port.in.FollowUpKycChecksUseCase;
import com.customerservice.domain.error.DependencyUnavailableException;
import com.customerservice.domain.kyc.KycCheck;
import com.customerservice.domain.kyc.KycCheckId;
import com.customerservice.domain.port.KycCheckRepository;
import com.customerservice.domain.port.KycVendors;
import com.customerservice.domain.port.KycVerifier;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Polls a pending check's vendor outside any transaction and hands a verdict to the one writer; a
 * vendor that cannot answer now, or one no longer configured, is asked again at the next poll (the
 * deadline still stands). A pending check costs nothing until its next poll is due: each poll says
 * when the next one runs, backing off as the check ages.
 */
public final class FollowUpKycChecksService implements FollowUpKycChecksUseCase {
  private final KycCheckRepository checks;
  private final KycVendors vendors;
  private final ApplyKycVerdictUseCase verdicts;
  private final Clock clock;

  public FollowUpKycChecksService(
      KycCheckRepository checks, KycVendors vendors, ApplyKycVerdictUseCase verdicts, Clock clock) {
    this.checks = checks;
    this.vendors = vendors;
    this.verdicts = verdicts;
    this.clock = clock;
  }

  @Override
  public Optional<Instant> poll(String checkId) {
    Optional<KycCheck> pending =
        KycCheckId.KIND.parse(checkId).flatMap(checks::find).filter(KycCheck::isPending);
    if (pending.isEmpty()) {
      return Optional.empty();
    }
    KycCheck check = pending.get();
    Instant now = clock.instant();
    Optional<KycVerifier> vendor = vendors.named(check.vendor());
    if (vendor.isEmpty()) {
      // Its settings were removed after the switch to another vendor: nobody can ask it, and
      // the deadline hands the check to a person, whose review names the silent vendor.
      return check.nextPollAfter(now);
    }
    KycVerifier.Poll answer;
    try {
      answer = vendor.get().poll(check.customerId(), check.job());
    } catch (DependencyUnavailableException e) {
      return check.nextPollAfter(now);
    }
    if (answer instanceof KycVerifier.Poll.Decided decided) {
      verdicts.apply(check.id(), decided.verdict());
      return Optional.empty();
    }
    return check.nextPollAfter(now);
  }

  @Override
  public Optional<Instant> expire(String checkId) {
    KycCheckId.KIND.parse(checkId).ifPresent(verdicts::expire);
    return Optional.empty();
  }
}
