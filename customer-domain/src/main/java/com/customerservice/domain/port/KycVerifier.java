package com.customerservice.domain.port;

import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.file.Image;
import com.customerservice.domain.file.StoredFile;
import com.customerservice.domain.kyc.DocumentExtraction;
import com.customerservice.domain.kyc.DocumentSubmission;
import com.customerservice.domain.kyc.KycDocument;
import com.customerservice.domain.kyc.SelfieResult;
import java.util.Objects;
import java.util.Optional;

/**
 * A KYC provider: reads identity documents and matches selfies against them. A provider that cannot
 * answer throws {@link com.customerservice.domain.error.DependencyUnavailableException} rather than
 * guess a verdict.
 *
 * <p>Providers differ in when they read a document. Some read it as soon as it is uploaded and
 * return the fields from {@link #readDocument}; others (Smile ID's Document Verification, for one)
 * read the document only in the same job as the selfie: their {@code readDocument} returns empty
 * and their {@link SelfieResult.Match} carries the fields instead. A provider that finds the
 * document itself unacceptable during the selfie job throws {@link
 * com.customerservice.domain.error.KycRefusedException}.
 */
public interface KycVerifier {

  /**
   * The provider's name as the audit trail shows who decided a verdict ({@code smile_id}): letters,
   * digits, '.', '_' or '-'.
   */
  String name();

  /**
   * Reads the document, or returns empty when this provider reads documents only together with the
   * selfie. {@code jobId} is reused by retries so the vendor decides once.
   */
  Optional<DocumentExtraction> readDocument(DocumentCheck check);

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

  /**
   * A selfie to match against an accepted document (its pages included, for providers that read the
   * document in the same job), under a job id unique to this attempt.
   */
  record SelfieCheck(
      CustomerId customerId,
      String jobId,
      KycDocument document,
      StoredFile documentFront,
      Optional<StoredFile> documentBack,
      Image selfie) {
    public SelfieCheck {
      Objects.requireNonNull(customerId, "customerId");
      Objects.requireNonNull(jobId, "jobId");
      Objects.requireNonNull(document, "document");
      Objects.requireNonNull(documentFront, "documentFront");
      Objects.requireNonNull(documentBack, "documentBack");
      Objects.requireNonNull(selfie, "selfie");
    }
  }
}
