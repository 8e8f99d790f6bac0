package com.customerservice.domain.kyc;

import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.file.FileId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An accepted identity document of one customer, waiting for (or matched by) a selfie. The
 * extraction is empty when the provider reads the document only together with the selfie.
 */
public record KycDocument(
    KycReference reference,
    CustomerId customerId,
    String documentType,
    Optional<DocumentExtraction> extraction,
    FileId front,
    Optional<FileId> back,
    String vendorJobId,
    Instant createdAt) {

  public KycDocument {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(documentType, "documentType");
    Objects.requireNonNull(extraction, "extraction");
    Objects.requireNonNull(front, "front");
    Objects.requireNonNull(back, "back");
    Objects.requireNonNull(vendorJobId, "vendorJobId");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** This document with what its vendor read off it in the selfie's job. */
  public KycDocument withReading(DocumentExtraction reading) {
    return new KycDocument(
        reference,
        customerId,
        documentType,
        Optional.of(reading),
        front,
        back,
        vendorJobId,
        createdAt);
  }

  public boolean belongsTo(CustomerId customer) {
    return customerId.equals(customer);
  }
}
