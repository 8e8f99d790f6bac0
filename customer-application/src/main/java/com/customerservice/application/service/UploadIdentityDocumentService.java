package com.customerservice.application.service;

import com.customerservice.application.port.in.UploadIdentityDocumentUseCase;
import com.customerservice.domain.customer.Customer;
import com.customerservice.domain.error.InvalidValueException;
import com.customerservice.domain.file.Bucket;
import com.customerservice.domain.file.FileId;
import com.customerservice.domain.file.Image;
import com.customerservice.domain.file.StoredFile;
import com.customerservice.domain.kyc.DocumentExtraction;
import com.customerservice.domain.kyc.DocumentSubmission;
import com.customerservice.domain.kyc.DocumentType;
import com.customerservice.domain.kyc.KycDocument;
import com.customerservice.domain.kyc.KycReference;
import com.customerservice.domain.port.CustomerRepository;
import com.customerservice.domain.port.DocumentCatalogue;
import com.customerservice.domain.port.DocumentStore;
import com.customerservice.domain.port.KycCheckRepository;
import com.customerservice.domain.port.KycRecordRepository;
import com.customerservice.domain.port.KycReviewRepository;
import com.customerservice.domain.port.KycVerifier;
import com.customerservice.domain.port.UnitOfWork;
import com.customerservice.domain.shared.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Has the KYC provider read a document, refuses an expired one, and stores the accepted document
 * (pages included) with the customer's case moved to pending. A provider that reads documents only
 * together with the selfie leaves the fields empty until then. The provider is called outside any
 * transaction; nothing is stored unless the provider answered.
 */
public final class UploadIdentityDocumentService implements UploadIdentityDocumentUseCase {
  private final CustomerRepository customers;
  private final DocumentCatalogue catalogue;
  private final KycVerifier verifier;
  private final DocumentStore store;
  private final KycRecordRepository records;
  private final KycCheckRepository checks;
  private final KycReviewRepository reviews;
  private final UnitOfWork unitOfWork;
  private final RandomGenerator random;
  private final Clock clock;

  public UploadIdentityDocumentService(
      CustomerRepository customers,
      DocumentCatalogue catalogue,
      KycVerifier verifier,
      DocumentStore store,
      KycRecordRepository records,
      KycCheckRepository checks,
      KycReviewRepository reviews,
      UnitOfWork unitOfWork,
      RandomGenerator random,
      Clock clock) {
    this.customers = customers;
    this.catalogue = catalogue;
    this.verifier = verifier;
    this.store = store;
    this.records = records;
    this.checks = checks;
    this.reviews = reviews;
    this.unitOfWork = unitOfWork;
    this.random = random;
    this.clock = clock;
  }

  @Override
  public Uploaded upload(Command command) {
    Customer customer = CustomerLookup.requireActive(customers, command.customerId());
    customer.kyc().requireOpen();
    KycInProgress.refuseDocumentWhileUndecided(checks, reviews, customer);
    Document sent = command.document().get();
    DocumentType type =
        catalogue
            .find(sent.type())
            .orElseThrow(
                () ->
                    new InvalidValueException(
                        "document_type_invalid",
                        DocumentSubmission.TYPE_FIELD,
                        DocumentSubmission.TYPE_FIELD
                            + " must be the code of a supported document type"));
    DocumentSubmission submission = new DocumentSubmission(type, sent.front(), sent.back());
    KycReference reference = KycReference.KIND.next(random);

    Optional<DocumentExtraction> extraction =
        verifier.readDocument(
            new KycVerifier.DocumentCheck(customer.id(), reference.value(), submission));
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    extraction.ifPresent(read -> read.requireUnexpiredOn(today, DocumentSubmission.FRONT_FIELD));
    return unitOfWork.inTransaction(
        () -> {
          Instant now = Timestamps.now(clock);
          Customer current = CustomerLookup.requireActive(customers, customer.id());
          Customer pending =
              current.apply(current.kyc().submitDocument(type.code(), reference), now);
          FileId front = save(current, sent.front(), now);
          Optional<FileId> back = sent.back().map(image -> save(current, image, now));
          KycDocument document =
              new KycDocument(
                  reference,
                  current.id(),
                  type.code(),
                  extraction,
                  front,
                  back,
                  reference.value(),
                  now);
          records.saveDocument(document);
          customers.update(pending);
          return new Uploaded(document, sent.front().content(), sent.back().map(Image::content));
        });
  }

  @Override
  public Optional<Uploaded> uploaded(String reference) {
    return KycReference.KIND
        .parse(reference)
        .flatMap(records::findDocument)
        .map(
            document ->
                new Uploaded(
                    document,
                    page(document, document.front()),
                    document.back().map(id -> page(document, id))));
  }

  private byte[] page(KycDocument document, FileId id) {
    return store
        .find(Bucket.DOCUMENTS, id)
        .orElseThrow(
            () -> new IllegalStateException("document page missing for " + document.reference()))
        .content();
  }

  private FileId save(Customer owner, Image image, Instant now) {
    StoredFile file =
        StoredFile.of(FileId.KIND.next(random), Bucket.DOCUMENTS, owner.id(), image, now);
    store.save(file);
    return file.id();
  }
}
