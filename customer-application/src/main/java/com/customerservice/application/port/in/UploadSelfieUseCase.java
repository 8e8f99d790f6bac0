package com.customerservice.application.port.in;

import com.customerservice.domain.error.InvalidValueException;
import com.customerservice.domain.file.Image;
import com.customerservice.domain.kyc.SelfieResult;

/** Matches a selfie against the customer's accepted document and decides the KYC case. */
public interface UploadSelfieUseCase {

  SelfieResult upload(Command command);

  /** The reference an earlier document upload returned, and the selfie. */
  record Command(String customerId, String reference, Image selfie) {
    public Command {
      if (reference == null || reference.isBlank()) {
        throw InvalidValueException.missing("reference");
      }
      if (selfie == null) {
        throw InvalidValueException.missing("image");
      }
    }
  }
}
