package com.customerservice.application.port.in;

import com.customerservice.domain.error.InvalidValueException;
import com.customerservice.domain.file.Image;
import com.customerservice.domain.kyc.SelfieResult;
import java.util.Objects;
import java.util.function.Supplier;

/** Matches a selfie against the customer's accepted document and decides the KYC case. */
public interface UploadSelfieUseCase {

  SelfieResult upload(Command command);

  /** The customer, and the selfie as sent: read only once the customer is known. */
  record Command(String customerId, Supplier<Selfie> selfie) {
    public Command {
      Objects.requireNonNull(selfie, "selfie");
    }
  }

  /** The reference an earlier document upload returned, and the selfie. */
  record Selfie(String reference, Image image) {
    public static final String REFERENCE_FIELD = "reference";
    public static final String IMAGE_FIELD = "image";

    public Selfie {
      if (reference == null || reference.isBlank()) {
        throw InvalidValueException.missing(REFERENCE_FIELD);
      }
      if (image == null) {
        throw InvalidValueException.missing(IMAGE_FIELD);
      }
    }
  }
}
