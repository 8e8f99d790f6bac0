package com.customerservice.application.service;

import com.customerservice.application.port.in.ApplyKycVerdictUseCase;
import com.customerservice.application.port.in.ReceiveKycCallbackUseCase;
import com.customerservice.domain.error.NotAuthenticException;
import com.customerservice.domain.error.NotFoundException;
import com.customerservice.domain.kyc.KycCheck;
import com.customerservice.domain.port.KycCheckRepository;
import com.customerservice.domain.port.KycVendors;
import com.customerservice.domain.port.KycVerifier;
import java.util.Optional;

/**
 * A vendor's callback as a trigger: the message is authenticated by its vendor's client, the check
 * it names is looked up, and the vendor is asked for the verdict (outside any transaction), which
 * the one writer applies once.
 */
public final class ReceiveKycCallbackService implements ReceiveKycCallbackUseCase {
  private final KycCheckRepository checks;
  private final KycVendors vendors;
  private final ApplyKycVerdictUseCase verdicts;

  public ReceiveKycCallbackService(
      KycCheckRepository checks, KycVendors vendors, ApplyKycVerdictUseCase verdicts) {
    this.checks = checks;
    this.vendors = vendors;
    this.verdicts = verdicts;
  }

  @Override
  public Outcome receive(String vendorName, KycVerifier.VendorMessage message) {
    KycVerifier vendor =
        vendors
            .named(vendorName)
            .orElseThrow(
                () -> new NotFoundException("provider", "No KYC provider of that name is set up"));
    KycVerifier.CallbackReading reading = vendor.readCallback(message);
    if (reading instanceof KycVerifier.CallbackReading.NotAuthentic) {
      throw new NotAuthenticException(
          "The callback's signature does not verify, or its timestamp is too far from now");
    }
    if (!(reading instanceof KycVerifier.CallbackReading.AboutJob job)) {
      return Outcome.NOTHING_TO_DO;
    }
    Optional<KycCheck> pending =
        checks.findByJob(vendor.name(), job.reference()).filter(KycCheck::isPending);
    if (pending.isEmpty()) {
      return Outcome.NOTHING_TO_DO;
    }
    KycCheck check = pending.get();
    KycVerifier.Poll answer = vendor.poll(check.customerId(), check.job());
    if (answer instanceof KycVerifier.Poll.Decided decided) {
      return verdicts.apply(check.id(), decided.verdict()).isPresent()
          ? Outcome.APPLIED
          : Outcome.NOTHING_TO_DO;
    }
    return Outcome.STILL_PENDING;
  }
}
