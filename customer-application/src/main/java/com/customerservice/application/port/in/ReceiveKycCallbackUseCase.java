package com.customerservice.application.port.in;

import com.customerservice.domain.port.KycVerifier;

/**
 * Takes a KYC vendor's callback: authenticated by the vendor's own signature, and only a trigger
 * (the signature may not cover what the body says), so the verdict is read from the vendor and
 * applied by the one writer.
 */
public interface ReceiveKycCallbackUseCase {

  /**
   * What happened: applied, still pending at the vendor, or nothing to do (a job this service does
   * not know or already decided, an event about no job).
   *
   * @throws com.customerservice.domain.error.NotFoundException for a vendor that is not configured
   * @throws com.customerservice.domain.error.NotAuthenticException for a message the vendor did not
   *     provably send
   */
  Outcome receive(String vendor, KycVerifier.VendorMessage message);

  /** What a callback led to. */
  enum Outcome {
    APPLIED,
    STILL_PENDING,
    NOTHING_TO_DO
  }
}
