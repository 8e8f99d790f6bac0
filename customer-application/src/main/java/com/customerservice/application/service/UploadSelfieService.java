package com.customerservice.application.service;

import com.customerservice.application.port.in.UploadSelfieUseCase;
import com.customerservice.domain.customer.Customer;
import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.customer.CustomerProfile;
import com.customerservice.domain.customer.FirstName;
import com.customerservice.domain.customer.LastName;
import com.customerservice.domain.error.ConflictException;
import com.customerservice.domain.error.KycRefusedException;
import com.customerservice.domain.error.NotFoundException;
import com.customerservice.domain.file.Bucket;
import com.customerservice.domain.file.FileId;
import com.customerservice.domain.file.StoredFile;
import com.customerservice.domain.kyc.KycCheck;
import com.customerservice.domain.kyc.KycCheckId;
import com.customerservice.domain.kyc.KycDocument;
import com.customerservice.domain.kyc.KycReference;
import com.customerservice.domain.kyc.Refusal;
import com.customerservice.domain.kyc.SelfieResult;
import com.customerservice.domain.kyc.Verdict;
import com.customerservice.domain.port.CustomerRepository;
import com.customerservice.domain.port.DocumentStore;
import com.customerservice.domain.port.KycCheckRepository;
import com.customerservice.domain.port.KycRecordRepository;
import com.customerservice.domain.port.KycReviewRepository;
import com.customerservice.domain.port.KycVendors;
import com.customerservice.domain.port.KycVerifier;
import com.customerservice.domain.port.UnitOfWork;
import com.customerservice.domain.port.WorkQueue;
import com.customerservice.domain.shared.RandomIds;
import com.customerservice.domain.shared.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Sends a selfie to the active KYC vendor, to be matched against the customer's document, and keeps
 * it as a check: decided at once (the verdict applied by the one verdict writer), or pending, in
 * which case its polls and its deadline are queued in the same transaction. One check at a time:
 * while one waits for its vendor or a person, another selfie is refused before the vendor is paid.
 * The vendor is called outside any transaction; an outage before the job exists opens no check.
 */
public final class UploadSelfieService implements UploadSelfieUseCase {
  private static final String JOB_PREFIX = "job_";
  private static final String REFERENCE = Selfie.REFERENCE_FIELD;

  private final CustomerRepository customers;
  private final KycRecordRepository records;
  private final KycCheckRepository checks;
  private final KycReviewRepository reviews;
  private final DocumentStore store;
  private final KycVendors vendors;
  private final ApplyKycVerdictService verdicts;
  private final WorkQueue queue;
  private final Duration verdictDeadline;
  private final UnitOfWork unitOfWork;
  private final RandomGenerator random;
  private final Clock clock;

  /** What it reads and writes: the stores, the queue of later work, their transactions. */
  public record Stores(
      CustomerRepository customers,
      KycRecordRepository records,
      KycCheckRepository checks,
      KycReviewRepository reviews,
      DocumentStore store,
      WorkQueue queue,
      UnitOfWork unitOfWork) {}

  public UploadSelfieService(
      Stores stores,
      KycVendors vendors,
      ApplyKycVerdictService verdicts,
      Duration verdictDeadline,
      RandomGenerator random,
      Clock clock) {
    this.customers = stores.customers();
    this.records = stores.records();
    this.checks = stores.checks();
    this.reviews = stores.reviews();
    this.store = stores.store();
    this.queue = stores.queue();
    this.unitOfWork = stores.unitOfWork();
    this.vendors = vendors;
    this.verdicts = verdicts;
    this.verdictDeadline = verdictDeadline;
    this.random = random;
    this.clock = clock;
  }

  @Override
  public SelfieResult upload(Command command) {
    Customer customer = CustomerLookup.requireActive(customers, command.customerId());
    Selfie sent = command.selfie().get();
    KycDocument document =
        KycReference.KIND
            .parse(sent.reference())
            .flatMap(records::findDocument)
            .filter(d -> d.belongsTo(customer.id()))
            .orElseThrow(
                () ->
                    new NotFoundException(
                        REFERENCE, "No document upload of this customer has that reference"));
    customer.kyc().requireOpen();
    Optional<KycCheck> latest = KycInProgress.refuseWhileUndecided(checks, reviews, customer.id());
    KycVerifier vendor = vendors.active();
    KycVerifier.Submission submission =
        vendor.submit(
            new KycVerifier.SelfieCheck(
                customer.id(),
                RandomIds.next(JOB_PREFIX, random),
                document,
                page(document, document.front()),
                document.back().map(id -> page(document, id)),
                sent.image(),
                applicant(customer.profile()),
                subject(customer.id(), vendor.name(), latest)));
    Optional<Verdict> verdict = keep(customer, document, sent, vendor.name(), submission);
    verdict.ifPresent(UploadSelfieService::refuseTheDocument);
    return verdict.map(Verdict::answer).orElseGet(SelfieResult.Pending::new);
  }

  /**
   * Stores the selfie and its check, and applies a verdict given at once; returns the verdict as
   * applied. Run again once if the customer changed meanwhile (the vendor is not called again).
   */
  private Optional<Verdict> keep(
      Customer customer,
      KycDocument document,
      Selfie sent,
      String vendor,
      KycVerifier.Submission submission) {
    try {
      return unitOfWork.inTransaction(() -> store(customer, document, sent, vendor, submission));
    } catch (ConflictException e) {
      if (!ConflictException.CONCURRENT_MODIFICATION.equals(e.code())) {
        throw e;
      }
      return unitOfWork.inTransaction(() -> store(customer, document, sent, vendor, submission));
    }
  }

  private Optional<Verdict> store(
      Customer customer,
      KycDocument document,
      Selfie sent,
      String vendor,
      KycVerifier.Submission submission) {
    Instant now = Timestamps.now(clock);
    Customer current = CustomerLookup.requireActive(customers, customer.id());
    StoredFile selfie =
        StoredFile.of(FileId.KIND.next(random), Bucket.SELFIES, customer.id(), sent.image(), now);
    store.save(selfie);
    KycCheck submitted =
        KycCheck.submitted(
            KycCheckId.KIND.next(random),
            customer.id(),
            document.reference(),
            vendor,
            submission.job(),
            selfie.id(),
            now,
            verdictDeadline);
    if (submission instanceof KycVerifier.Submission.Decided decided) {
      return Optional.of(
          verdicts.applyToNew(submitted, decided.verdict(), document, current).verdict());
    }
    KycCheck check = checks.insert(submitted);
    queue.enqueue(WorkQueue.Work.poll(check.id()), check.firstPoll());
    queue.enqueue(WorkQueue.Work.deadline(check.id()), check.deadline());
    return Optional.empty();
  }

  /**
   * A document found at fault in the selfie's job is refused as at upload (422), once the check
   * that found it is kept.
   */
  private static void refuseTheDocument(Verdict verdict) {
    if (verdict instanceof Verdict.Refused refused) {
      if (refused.refusal() == Refusal.DOCUMENT_EXPIRED) {
        throw new KycRefusedException(
            "document_expired", REFERENCE, "The document has expired; upload a valid document");
      }
      if (refused.refusal() == Refusal.DOCUMENT_UNVERIFIED) {
        throw new KycRefusedException(
            "document_unverified",
            REFERENCE,
            "The identity provider could not verify the document; upload a clear photo of a valid"
                + " document");
      }
    }
  }

  /**
   * What {@code vendor} called the customer in an earlier job: the latest check's word when that
   * vendor took it (looked up further only after a switch of vendors).
   */
  private Optional<String> subject(CustomerId customer, String vendor, Optional<KycCheck> latest) {
    if (latest.isEmpty()) {
      return Optional.empty();
    }
    return latest.get().vendor().equals(vendor) && latest.get().job().subject().isPresent()
        ? latest.get().job().subject()
        : checks.subject(customer, vendor);
  }

  private static KycVerifier.Applicant applicant(CustomerProfile profile) {
    return new KycVerifier.Applicant(
        Optional.ofNullable(profile.firstName()).map(FirstName::value),
        Optional.ofNullable(profile.lastName()).map(LastName::value),
        Optional.ofNullable(profile.dateOfBirth()));
  }

  private StoredFile page(KycDocument document, FileId page) {
    return store
        .find(Bucket.DOCUMENTS, page)
        .orElseThrow(
            () -> new IllegalStateException("document page missing for " + document.reference()));
  }
}
