package com.customerservice.domain.port;

import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.file.Image;
import com.customerservice.domain.file.StoredFile;
import com.customerservice.domain.kyc.DocumentExtraction;
import com.customerservice.domain.kyc.DocumentSubmission;
import com.customerservice.domain.kyc.KycDocument;
import com.customerservice.domain.kyc.SelfieResult;
import java.util.Objects;

/**
 * A KYC provider: reads identity documents and matches selfies against them. A provider that cannot
 * answer throws {@link com.customerservice.domain.error.DependencyUnavailableException} rather than
 * guess a verdict.
 */
public interface KycVerifier {

  /** Reads the document; {@code jobId} is reused by retries so the vendor decides once. */
  DocumentExtraction readDocument(DocumentCheck check);

  /** Checks that the selfie is of a live person whose face is the one on the document. */
  SelfieResult checkSelfie(SelfieCheck check);

  /** A document to read, for one customer, under a job id unique to this submission. */
  record DocumentCheck(CustomerId customerId, String jobId, DocumentSubmission submission) {
    public DocumentCheck {
      Objects.requireNonNull(customerId, "customerId");
      Objects.requireNonNull(jobId, "jobId");
      Objects.requireNonNull(submission, "submission");
    }
  }

  /** A selfie to match against the front of an accepted document, under its own job id. */
  record SelfieCheck(
      CustomerId customerId,
      String jobId,
      KycDocument document,
      StoredFile documentFront,
      Image selfie) {
    public SelfieCheck {
      Objects.requireNonNull(customerId, "customerId");
      Objects.requireNonNull(jobId, "jobId");
      Objects.requireNonNull(document, "document");
      Objects.requireNonNull(documentFront, "documentFront");
      Objects.requireNonNull(selfie, "selfie");
    }
  }
}
