package com.customerservice.domain.port;

import com.customerservice.domain.file.Bucket;
import com.customerservice.domain.file.FileId;
import com.customerservice.domain.file.StoredFile;
import java.util.Optional;

/** Where images are kept: profile pictures, document pages, selfies. */
public interface DocumentStore {

  void save(StoredFile file);

  Optional<StoredFile> find(Bucket bucket, FileId id);

  /** Forgets a file (a replaced profile picture); deleting one that is gone is no error. */
  void delete(Bucket bucket, FileId id);
}
