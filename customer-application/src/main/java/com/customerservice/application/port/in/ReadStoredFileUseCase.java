package com.customerservice.application.port.in;

import com.customerservice.domain.file.StoredFile;

/** Serves a stored file of a bucket that may be served (profile pictures) of an active customer. */
public interface ReadStoredFileUseCase {

  StoredFile read(String bucket, String fileId);
}
