package com.customerservice.application.service;

import com.customerservice.application.port.in.UploadSelfieUseCase;
import com.customerservice.domain.customer.Customer;
import com.customerservice.domain.error.NotFoundException;
import com.customerservice.domain.event.Actor;
import com.customerservice.domain.file.Bucket;
import com.customerservice.domain.file.FileId;
import com.customerservice.domain.file.StoredFile;
import com.customerservice.domain.kyc.DocumentExtraction;
import com.customerservice.domain.kyc.KycDocument;
import com.customerservice.domain.kyc.KycReference;
import com.customerservice.domain.kyc.SelfieAttempt;
import com.customerservice.domain.kyc.SelfieResult;
import com.customerservice.domain.port.CustomerRepository;
import com.customerservice.domain.port.DocumentStore;
import com.customerservice.domain.port.KycRecordRepository;
import com.customerservice.domain.port.KycVerifier;
import com.customerservice.domain.port.UnitOfWork;
import com.customerservice.domain.shared.RandomIds;
import com.customerservice.domain.shared.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Matches a selfie against the front of the customer's document and records the verdict: a match
 * verifies the customer with the document's identity (read now, by providers that read the document
 * only with the selfie), a failure counts towards rejection, and a processing error decides
 * nothing. An expired document found at this step is refused as at upload.
 */
public final class UploadSelfieService implements UploadSelfieUseCase {
  private static final String JOB_PREFIX = "job_";
  private static final String REFERENCE = Selfie.REFERENCE_FIELD;

  private final CustomerRepository customers;
  private final KycRecordRepository records;
  private final DocumentStore store;
  private final KycVerifier verifier;
  private final UnitOfWork unitOfWork;
  private final RandomGenerator random;
  private final Clock clock;

  public UploadSelfieService(
      CustomerRepository customers,
      KycRecordRepository records,
      DocumentStore store,
      KycVerifier verifier,
      UnitOfWork unitOfWork,
      RandomGenerator random,
      Clock clock) {
    this.customers = customers;
    this.records = records;
    this.store = store;
    this.verifier = verifier;
    this.unitOfWork = unitOfWork;
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
    customer.requireKycOpen();
    StoredFile front = page(document, document.front());
    Optional<StoredFile> back = document.back().map(id -> page(document, id));
    String jobId = RandomIds.next(JOB_PREFIX, random);

    SelfieResult result =
        verifier.checkSelfie(
            new KycVerifier.SelfieCheck(customer.id(), jobId, document, front, back, sent.image()));
    Optional<DocumentExtraction> verifiedIdentity = verifiedIdentity(document, result);

    return unitOfWork.inTransaction(
        () -> {
          Instant now = Timestamps.now(clock);
          Customer current = CustomerLookup.requireActive(customers, customer.id());
          StoredFile selfie =
              StoredFile.of(
                  FileId.KIND.next(random), Bucket.SELFIES, current.id(), sent.image(), now);
          store.save(selfie);
          records.saveSelfieAttempt(
              new SelfieAttempt(
                  document.reference(), current.id(), result, selfie.id(), jobId, now));
          if (verifiedIdentity.isPresent()) {
            customers.update(current.selfieMatched(verifiedIdentity.get(), provider(), now));
          } else if (result.countsAsFailure()) {
            customers.update(current.selfieFailed(result.code(), provider(), now));
          }
          return result;
        });
  }

  /** The vendor decided the verdict, whoever sent the selfie. */
  private Actor provider() {
    return Actor.kycProvider(verifier.name());
  }

  private StoredFile page(KycDocument document, FileId page) {
    return store
        .find(Bucket.DOCUMENTS, page)
        .orElseThrow(
            () -> new IllegalStateException("document page missing for " + document.reference()));
  }

  /**
   * The identity a match verifies: the document's fields, read at upload or (by providers that read
   * documents only with the selfie) in this job. Refuses a document found expired at this step.
   */
  private Optional<DocumentExtraction> verifiedIdentity(KycDocument document, SelfieResult result) {
    if (!(result instanceof SelfieResult.Match match)) {
      return Optional.empty();
    }
    DocumentExtraction read =
        document
            .extraction()
            .or(match::reading)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "the KYC provider matched a selfie without ever reading the document"));
    read.requireUnexpiredOn(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), REFERENCE);
    return Optional.of(read);
  }
}
