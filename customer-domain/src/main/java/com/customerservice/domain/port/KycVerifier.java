package com.customerservice.domain.port;

import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.file.Image;
import com.customerservice.domain.file.StoredFile;
import com.customerservice.domain.kyc.DocumentExtraction;
import com.customerservice.domain.kyc.DocumentSubmission;
import com.customerservice.domain.kyc.KycDocument;
import com.customerservice.domain.kyc.VendorJob;
import com.customerservice.domain.kyc.Verdict;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A KYC vendor: reads identity documents and matches selfies against them, at once or later. A
 * vendor that cannot answer throws {@link
 * com.customerservice.domain.error.DependencyUnavailableException} rather than guess a verdict; a
 * verdict it cannot read with certainty needs a person ({@link Verdict.NeedsReview}), never a
 * guess.
 *
 * <p>Vendors differ in when they read a document: some as soon as it is uploaded ({@link
 * #readDocument} returns the fields), others only in the selfie's job ({@code readDocument} returns
 * empty and the verdict carries the fields). They differ in when they decide: during {@link
 * #submit} or later, which the service learns by {@linkplain #poll polling} the job or from the
 * vendor's {@linkplain #readCallback callback}. Whatever the vendor, its job and subject references
 * are opaque words the service keeps and hands back.
 */
public interface KycVerifier {

  /**
   * The vendor's name, as checks and the audit trail keep it ({@code smile_id}): letters, digits,
   * '.', '_' or '-'.
   */
  String name();

  /**
   * Reads the document, or returns empty when this vendor reads documents only together with the
   * selfie. {@code jobId} is reused by retries so the vendor decides once.
   */
  Optional<DocumentExtraction> readDocument(DocumentCheck check);

  /**
   * Sends a selfie to be matched against the document: the vendor decides at once, or takes the job
   * and decides later. Called once per selfie: a vendor's own retries must not start a second paid
   * job.
   */
  Submission submit(SelfieCheck check);

  /** Asks the vendor about a job it took for {@code customer}: still pending, or decided. */
  Poll poll(CustomerId customer, VendorJob job);

  /**
   * Reads a message the vendor sent on its own (a callback): which job it is about, that it is
   * about none of them, or that it is not authentic (a bad signature, a stale timestamp). What it
   * says of the verdict is never believed: the service asks {@link #poll} instead.
   */
  CallbackReading readCallback(VendorMessage message);

  /** What {@link #submit} answers. */
  sealed interface Submission {
    /** The job the vendor took. */
    VendorJob job();

    /** The vendor decided during the call. */
    record Decided(VendorJob job, Verdict verdict) implements Submission {
      public Decided {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(verdict, "verdict");
      }
    }

    /** The vendor took the job and will decide later. */
    record Submitted(VendorJob job) implements Submission {
      public Submitted {
        Objects.requireNonNull(job, "job");
      }
    }
  }

  /** What {@link #poll} answers. */
  sealed interface Poll {
    /** The vendor has not decided yet. */
    record StillPending() implements Poll {}

    /** The vendor decided. */
    record Decided(Verdict verdict) implements Poll {
      public Decided {
        Objects.requireNonNull(verdict, "verdict");
      }
    }
  }

  /** What {@link #readCallback} makes of a vendor's message. */
  sealed interface CallbackReading {
    /** An authentic message about the job the vendor calls {@code reference}. */
    record AboutJob(String reference) implements CallbackReading {
      public AboutJob {
        Objects.requireNonNull(reference, "reference");
      }
    }

    /** An authentic message about no job (an event of another kind): nothing to do. */
    record AboutNoJob() implements CallbackReading {}

    /** Not provably from the vendor; {@code reason} is for logs and says nothing secret. */
    record NotAuthentic(String reason) implements CallbackReading {
      public NotAuthentic {
        Objects.requireNonNull(reason, "reason");
      }
    }
  }

  /**
   * A message as the vendor sent it: the raw body (signatures cover the bytes) and its named
   * attributes (a transport's headers, names in lower case).
   */
  record VendorMessage(byte[] body, Map<String, String> attributes) {
    public VendorMessage {
      Objects.requireNonNull(body, "body");
      attributes = Map.copyOf(attributes);
    }

    public Optional<String> attribute(String name) {
      return Optional.ofNullable(attributes.get(name));
    }
  }

  /** A document to read, for one customer, under a job id unique to this submission. */
  record DocumentCheck(CustomerId customerId, String jobId, DocumentSubmission submission) {
    public DocumentCheck {
      Objects.requireNonNull(customerId, "customerId");
      Objects.requireNonNull(jobId, "jobId");
      Objects.requireNonNull(submission, "submission");
    }
  }

  /**
   * What the customer says of themselves, for vendors that compare it with the document (Onfido's
   * applicant): each value as entered, when entered.
   */
  record Applicant(
      Optional<String> givenNames, Optional<String> surname, Optional<LocalDate> dateOfBirth) {
    public Applicant {
      Objects.requireNonNull(givenNames, "givenNames");
      Objects.requireNonNull(surname, "surname");
      Objects.requireNonNull(dateOfBirth, "dateOfBirth");
    }

    public static Applicant unknown() {
      return new Applicant(Optional.empty(), Optional.empty(), Optional.empty());
    }
  }

  /**
   * A selfie to match against an accepted document (its pages included, for vendors that read the
   * document in the same job), under a job id unique to this attempt; {@code subject} is what this
   * vendor called the customer in an earlier job, if it did.
   */
  record SelfieCheck(
      CustomerId customerId,
      String jobId,
      KycDocument document,
      StoredFile documentFront,
      Optional<StoredFile> documentBack,
      Image selfie,
      Applicant applicant,
      Optional<String> subject) {
    public SelfieCheck {
      Objects.requireNonNull(customerId, "customerId");
      Objects.requireNonNull(jobId, "jobId");
      Objects.requireNonNull(document, "document");
      Objects.requireNonNull(documentFront, "documentFront");
      Objects.requireNonNull(documentBack, "documentBack");
      Objects.requireNonNull(selfie, "selfie");
      Objects.requireNonNull(applicant, "applicant");
      Objects.requireNonNull(subject, "subject");
    }
  }
}
