package com.customerservice.domain.file;

import java.util.Objects;

/** A pointer from a customer to one stored file. */
public record FileRef(FileId fileId, Bucket bucket) {
  public FileRef {
    Objects.requireNonNull(fileId, "fileId");
    Objects.requireNonNull(bucket, "bucket");
  }

  /** The path that serves the file, such as {@code /files/profiles/file_…}. */
  public String link() {
    return "/files/" + bucket.code() + "/" + fileId.value();
  }
}
