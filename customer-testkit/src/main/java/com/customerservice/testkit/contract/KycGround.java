package com.customerservice.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerservice.domain.customer.Customer;
import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.error.ConflictException;
import com.customerservice.domain.file.Bucket;
import com.customerservice.domain.file.FileId;
import com.customerservice.domain.file.ImageType;
import com.customerservice.domain.file.StoredFile;
import com.customerservice.domain.fixtures.CustomerBuilder;
import com.customerservice.domain.fixtures.TestImages;
import com.customerservice.domain.kyc.DocumentExtraction;
import com.customerservice.domain.kyc.KycCheck;
import com.customerservice.domain.kyc.KycCheckId;
import com.customerservice.domain.kyc.KycDocument;
import com.customerservice.domain.kyc.KycReference;
import com.customerservice.domain.kyc.VendorFindings;
import com.customerservice.domain.kyc.VendorJob;
import com.customerservice.domain.port.Storage;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What KYC checks and reviews point at, stored through a {@link Storage}'s own ports (a store with
 * foreign keys needs them): customers, their accepted documents and the selfies sent for them.
 * Checks are made here and stored by the test, except {@link #expired}.
 */
public final class KycGround {
  static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
  static final Duration DEADLINE = Duration.ofHours(24);
  private static final byte[] IMAGE = TestImages.png(4, 4);

  /** A stored customer and the document their selfies are matched against. */
  public record Applicant(CustomerId id, KycReference document) {}

  private final Supplier<Storage> storage;
  private final SecureRandom random = new SecureRandom();

  /** {@code storage} is asked for each time: a test class may make its store after this. */
  public KycGround(Supplier<Storage> storage) {
    this.storage = storage;
  }

  /** A new stored customer with a stored document, not read yet. */
  public Applicant applicant() {
    Customer stored = CustomerBuilder.aCustomer().build();
    storage.get().customers().insert(stored);
    return new Applicant(stored.id(), document(stored.id(), Optional.empty()).reference());
  }

  /** A stored document of {@code owner} with its front page, and {@code reading} if read. */
  public KycDocument document(CustomerId owner, Optional<DocumentExtraction> reading) {
    KycDocument document =
        new KycDocument(
            KycReference.KIND.next(random),
            owner,
            "MZ_BI",
            reading,
            file(owner, Bucket.DOCUMENTS),
            Optional.empty(),
            "job_document",
            T0);
    storage.get().kycRecords().saveDocument(document);
    return document;
  }

  /**
   * A pending check of a new selfie of {@code applicant}, sent to {@code vendor} as {@code job}.
   */
  public KycCheck pending(Applicant applicant, String vendor, VendorJob job, Instant at) {
    return KycCheck.submitted(
        KycCheckId.KIND.next(random),
        applicant.id(),
        applicant.document(),
        vendor,
        job,
        file(applicant.id(), Bucket.SELFIES),
        at,
        DEADLINE);
  }

  /** A pending check of a new selfie sent to {@code smile_id} as a job of its own. */
  public KycCheck pending(Applicant applicant, Instant at) {
    return pending(applicant, "smile_id", newJob(), at);
  }

  public VendorJob newJob() {
    return VendorJob.of("job_" + KycCheckId.KIND.next(random).value().substring(4));
  }

  /** A check as stored, decided by its vendor at {@code at} without a result, for the lists. */
  public KycCheck decided(Applicant applicant, String vendor, VendorJob job, Instant at) {
    KycCheck pending = pending(applicant, vendor, job, at);
    return KycCheck.restore(
            pending.id(),
            pending.customerId(),
            pending.document(),
            vendor,
            job,
            pending.selfie(),
            at)
        .status(KycCheck.Status.DECIDED)
        .decidedAt(at)
        .deadline(pending.deadline())
        .build();
  }

  /**
   * A check of a new selfie whose deadline passed at {@code at} with no verdict, stored: what a
   * review opens on. The applicant has no pending check then.
   */
  public KycCheck expired(Applicant applicant, Instant at) {
    KycCheck pending = storage.get().kycChecks().insert(pending(applicant, at.minus(DEADLINE)));
    return storage.get().kycChecks().update(pending.expire(at));
  }

  /** Findings in an order a store that sorts keys would lose, one of them a group. */
  static VendorFindings findings() {
    return VendorFindings.none()
        .with("ResultCode", "0810")
        .with("Actions", VendorFindings.none().with("Liveness_Check", "Passed"))
        .with("A", "a short key, last in the vendor's order");
  }

  static void assertConflict(Throwable thrown, String code) {
    assertThat(thrown)
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  private FileId file(CustomerId owner, Bucket bucket) {
    StoredFile file =
        new StoredFile(FileId.KIND.next(random), bucket, owner, ImageType.PNG, IMAGE, T0);
    storage.get().documents().save(file);
    return file.id();
  }
}
