package com.customerservice.application.service;

import com.customerservice.application.port.in.ReadStoredFileUseCase;
import com.customerservice.domain.error.NotFoundException;
import com.customerservice.domain.file.Bucket;
import com.customerservice.domain.file.FileId;
import com.customerservice.domain.file.StoredFile;
import com.customerservice.domain.port.CustomerRepository;
import com.customerservice.domain.port.DocumentStore;
import java.util.Optional;

/**
 * Serves profile pictures of active customers. Document pages and selfies are never served through
 * the clients' files (as far as a client can tell, those buckets do not exist); the back office
 * reads them as the evidence of a KYC case.
 */
public final class ReadStoredFileService implements ReadStoredFileUseCase {
  private final DocumentStore store;
  private final CustomerRepository customers;

  public ReadStoredFileService(DocumentStore store, CustomerRepository customers) {
    this.store = store;
    this.customers = customers;
  }

  @Override
  public StoredFile read(String bucket, String fileId) {
    Optional<Bucket> served = Bucket.parse(bucket).filter(Bucket::served);
    return served
        .flatMap(b -> FileId.KIND.parse(fileId).flatMap(id -> store.find(b, id)))
        .filter(file -> customers.findActive(file.owner()).isPresent())
        .orElseThrow(ReadStoredFileService::missing);
  }

  @Override
  public StoredFile readKycEvidence(String fileId) {
    Optional<FileId> id = FileId.KIND.parse(fileId);
    return id.flatMap(f -> store.find(Bucket.DOCUMENTS, f))
        .or(() -> id.flatMap(f -> store.find(Bucket.SELFIES, f)))
        .orElseThrow(ReadStoredFileService::missing);
  }

  private static NotFoundException missing() {
    return new NotFoundException("file_id", "No such file");
  }
}
