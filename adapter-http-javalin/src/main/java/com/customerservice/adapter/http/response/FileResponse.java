package com.customerservice.adapter.http.response;

import com.customerservice.domain.file.FileRef;

/** A pointer to a stored file, with the link that serves it. */
public record FileResponse(String fileId, String fileBucket, String fileLink) {
  static FileResponse from(FileRef ref) {
    return ref == null
        ? null
        : new FileResponse(ref.fileId().value(), ref.bucket().code(), ref.link());
  }
}
