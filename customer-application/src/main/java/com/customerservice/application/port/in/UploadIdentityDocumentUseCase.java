package com.customerservice.application.port.in;

import com.customerservice.domain.error.InvalidValueException;
import com.customerservice.domain.file.Image;
import com.customerservice.domain.kyc.DocumentSubmission;
import com.customerservice.domain.kyc.KycDocument;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/** Reads an identity document through the KYC provider and opens the customer's KYC case. */
public interface UploadIdentityDocumentUseCase {

  Uploaded upload(Command command);

  /**
   * An earlier upload as its answer gave it (the document and its pages as stored), to give the
   * same answer again to a retry; empty when {@code reference} names no document.
   */
  Optional<Uploaded> uploaded(String reference);

  /**
   * The customer, and the document as sent: read only once the customer is known and may submit
   * one, so that an unknown customer costs no decoding.
   */
  record Command(String customerId, Supplier<Document> document) {
    public Command {
      Objects.requireNonNull(document, "document");
    }
  }

  /** The document type code and its pages, already checked to be images. */
  record Document(String type, Image front, Optional<Image> back) {
    public Document {
      if (type == null || type.isBlank()) {
        throw InvalidValueException.missing(DocumentSubmission.TYPE_FIELD);
      }
      if (front == null) {
        throw InvalidValueException.missing(DocumentSubmission.FRONT_FIELD);
      }
      Objects.requireNonNull(back, "back");
    }
  }

  /** The accepted document and its pages' bytes as stored. */
  record Uploaded(KycDocument document, byte[] front, Optional<byte[]> back) {
    public Uploaded {
      Objects.requireNonNull(document, "document");
      Objects.requireNonNull(front, "front");
      Objects.requireNonNull(back, "back");
    }
  }
}
