package com.customerservice.testkit.memory;

import com.customerservice.domain.file.Bucket;
import com.customerservice.domain.file.FileId;
import com.customerservice.domain.file.StoredFile;
import com.customerservice.domain.port.DocumentStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Stored files in a map. Safe to share between threads. */
public final class InMemoryDocumentStore implements DocumentStore {
  private final InMemoryUnitOfWork unitOfWork;
  private final Map<FileId, StoredFile> files = new HashMap<>();

  public InMemoryDocumentStore(InMemoryUnitOfWork unitOfWork) {
    this.unitOfWork = unitOfWork;
  }

  @Override
  public synchronized void save(StoredFile file) {
    if (files.putIfAbsent(file.id(), file) != null) {
      throw new IllegalStateException("file " + file.id() + " exists already");
    }
    unitOfWork.onRollback(() -> remove(file.id()));
  }

  @Override
  public synchronized Optional<StoredFile> find(Bucket bucket, FileId id) {
    return Optional.ofNullable(files.get(id)).filter(f -> f.bucket() == bucket);
  }

  @Override
  public synchronized void delete(Bucket bucket, FileId id) {
    StoredFile file = files.get(id);
    if (file != null && file.bucket() == bucket) {
      files.remove(id);
      unitOfWork.onRollback(() -> restore(file));
    }
  }

  public synchronized int size() {
    return files.size();
  }

  private synchronized void remove(FileId id) {
    files.remove(id);
  }

  private synchronized void restore(StoredFile file) {
    files.put(file.id(), file);
  }
}
