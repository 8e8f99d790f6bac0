package com.customerservice.adapter.kyc.onfido;

import com.customerservice.adapter.kyc.vendor.TestTimings;
import com.customerservice.adapter.kyc.vendor.VendorTestBed;
import com.customerservice.domain.port.DocumentCatalogue;
import com.customerservice.domain.port.KycVerifier;
import com.customerservice.domain.port.KycVerifier.SelfieCheck;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** One test's Onfido: the fake, one customer, and clients of the fake with short timings. */
final class OnfidoTestBed extends VendorTestBed {
  final FakeOnfido fake = new FakeOnfido(TestTimings.REQUEST_TIMEOUT.toMillis() * 3);

  OnfidoSettings settings(Duration verdictWait) {
    return new OnfidoSettings(
        fake.baseUrl(),
        FakeOnfido.API_TOKEN,
        FakeOnfido.WEBHOOK_TOKEN,
        TestTimings.fast(verdictWait));
  }

  OnfidoKycVerifier verifier(Duration verdictWait) {
    return verifier(verdictWait, CATALOGUE);
  }

  OnfidoKycVerifier verifier(Duration verdictWait, DocumentCatalogue catalogue) {
    return new OnfidoKycVerifier(settings(verdictWait), catalogue, Clock.systemUTC());
  }

  /**
   * {@code check} of a customer who said {@code applicant} of themselves and whom Onfido knows as
   * {@code subject}, if it does.
   */
  static SelfieCheck of(
      SelfieCheck check, KycVerifier.Applicant applicant, Optional<String> subject) {
    return new SelfieCheck(
        check.customerId(),
        check.jobId(),
        check.document(),
        check.documentFront(),
        check.documentBack(),
        check.selfie(),
        applicant,
        subject);
  }

  /** {@code check} of a customer Onfido already knows as {@code applicant}. */
  static SelfieCheck withSubject(SelfieCheck check, String applicant) {
    return of(check, check.applicant(), Optional.of(applicant));
  }

  @Override
  public void close() {
    fake.close();
  }
}
