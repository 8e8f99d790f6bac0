package com.customerservice.testkit.memory;

import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.kyc.DocumentExtraction;
import com.customerservice.domain.kyc.KycDocument;
import com.customerservice.domain.kyc.KycReference;
import com.customerservice.domain.port.KycRecordRepository;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** KYC documents in a map, writes undone with their transaction. Safe to share between threads. */
public final class InMemoryKycRecordRepository implements KycRecordRepository {
  private final InMemoryUnitOfWork unitOfWork;
  private final Map<KycReference, KycDocument> documents = new LinkedHashMap<>();

  public InMemoryKycRecordRepository(InMemoryUnitOfWork unitOfWork) {
    this.unitOfWork = unitOfWork;
  }

  @Override
  public synchronized void saveDocument(KycDocument document) {
    if (documents.putIfAbsent(document.reference(), document) != null) {
      throw new IllegalStateException("document " + document.reference() + " exists already");
    }
    unitOfWork.onRollback(() -> put(document.reference(), null));
  }

  @Override
  public synchronized Optional<KycDocument> findDocument(KycReference reference) {
    return Optional.ofNullable(documents.get(reference));
  }

  @Override
  public synchronized Optional<KycDocument> latestDocument(CustomerId customer) {
    return documents.values().stream()
        .filter(d -> d.belongsTo(customer))
        .max(
            Comparator.comparing(KycDocument::createdAt).thenComparing(d -> d.reference().value()));
  }

  @Override
  public synchronized void recordReading(KycReference reference, DocumentExtraction reading) {
    KycDocument stored = documents.get(reference);
    if (stored == null) {
      throw new IllegalStateException("document " + reference + " is not stored");
    }
    if (stored.extraction().isPresent()) {
      return;
    }
    documents.put(reference, stored.withReading(reading));
    unitOfWork.onRollback(() -> put(reference, stored));
  }

  private synchronized void put(KycReference reference, KycDocument document) {
    if (document == null) {
      documents.remove(reference);
    } else {
      documents.put(reference, document);
    }
  }
}
