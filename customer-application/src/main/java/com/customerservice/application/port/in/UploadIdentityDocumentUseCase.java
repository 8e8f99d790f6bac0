package com.customerservice.application.port.in;

import com.customerservice.domain.error.InvalidValueException;
import com.customerservice.domain.file.Image;
import com.customerservice.domain.kyc.KycDocument;
import java.util.Objects;
import java.util.Optional;

/** Reads an identity document through the KYC provider and opens the customer's KYC case. */
public interface UploadIdentityDocumentUseCase {

  Uploaded upload(Command command);

  /** The document type code and its pages, already checked to be images. */
  record Command(String customerId, String documentType, Image front, Optional<Image> back) {
    public Command {
      if (documentType == null || documentType.isBlank()) {
        throw InvalidValueException.missing("doc_type");
      }
      if (front == null) {
        throw InvalidValueException.missing("image1");
      }
      Objects.requireNonNull(back, "back");
    }
  }

  /** The accepted document and its pages as stored. */
  record Uploaded(KycDocument document, Image front, Optional<Image> back) {}
}
