package com.customerservice.testkit.memory;

import com.customerservice.domain.kyc.KycDocument;
import com.customerservice.domain.kyc.KycReference;
import com.customerservice.domain.kyc.SelfieAttempt;
import com.customerservice.domain.port.KycRecordRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** KYC documents and selfie attempts in maps. Safe to share between threads. */
public final class InMemoryKycRecordRepository implements KycRecordRepository {
  private final InMemoryUnitOfWork unitOfWork;
  private final Map<KycReference, KycDocument> documents = new HashMap<>();
  private final List<SelfieAttempt> attempts = new ArrayList<>();

  public InMemoryKycRecordRepository(InMemoryUnitOfWork unitOfWork) {
    this.unitOfWork = unitOfWork;
  }

  @Override
  public synchronized void saveDocument(KycDocument document) {
    if (documents.putIfAbsent(document.reference(), document) != null) {
      throw new IllegalStateException("document " + document.reference() + " exists already");
    }
    unitOfWork.onRollback(() -> removeDocument(document.reference()));
  }

  @Override
  public synchronized Optional<KycDocument> findDocument(KycReference reference) {
    return Optional.ofNullable(documents.get(reference));
  }

  @Override
  public synchronized void saveSelfieAttempt(SelfieAttempt attempt) {
    attempts.add(attempt);
    unitOfWork.onRollback(() -> removeAttempt(attempt));
  }

  @Override
  public synchronized List<SelfieAttempt> selfieAttempts(KycReference reference) {
    return attempts.stream().filter(a -> a.reference().equals(reference)).toList();
  }

  private synchronized void removeDocument(KycReference reference) {
    documents.remove(reference);
  }

  private synchronized void removeAttempt(SelfieAttempt attempt) {
    attempts.remove(attempt);
  }
}
