package com.customerservice.application.port.in;

import com.customerservice.domain.file.StoredFile;

/**
 * Serves stored files: profile pictures of active customers to clients, and the evidence of KYC
 * (document pages, selfies) to the back office.
 */
public interface ReadStoredFileUseCase {

  /** A file of a bucket clients may read (profile pictures), of an active customer. */
  StoredFile read(String bucket, String fileId);

  /** A document page or a selfie, for a person reviewing a case (closed customers' too). */
  StoredFile readKycEvidence(String fileId);
}
