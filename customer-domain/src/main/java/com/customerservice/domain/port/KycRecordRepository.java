package com.customerservice.domain.port;

import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.kyc.DocumentExtraction;
import com.customerservice.domain.kyc.KycDocument;
import com.customerservice.domain.kyc.KycReference;
import java.util.Optional;

/** The accepted identity documents, with what their vendor read off them. */
public interface KycRecordRepository {

  void saveDocument(KycDocument document);

  Optional<KycDocument> findDocument(KycReference reference);

  /** The customer's most recently accepted document. */
  Optional<KycDocument> latestDocument(CustomerId customer);

  /**
   * Keeps what a vendor read off a document in the selfie's job (vendors that read documents only
   * then), when nothing was read before; a reading already kept stays.
   */
  void recordReading(KycReference reference, DocumentExtraction reading);
}
