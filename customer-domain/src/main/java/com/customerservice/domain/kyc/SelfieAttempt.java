package com.customerservice.domain.kyc;

import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.file.FileId;
import java.time.Instant;
import java.util.Objects;

/** One selfie checked against a document, kept as evidence of the KYC decision. */
public record SelfieAttempt(
    KycReference reference,
    CustomerId customerId,
    SelfieResult result,
    FileId selfie,
    String vendorJobId,
    Instant attemptedAt) {

  public SelfieAttempt {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(selfie, "selfie");
    Objects.requireNonNull(vendorJobId, "vendorJobId");
    Objects.requireNonNull(attemptedAt, "attemptedAt");
  }
}
