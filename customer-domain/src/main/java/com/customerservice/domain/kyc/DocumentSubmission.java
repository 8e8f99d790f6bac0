package com.customerservice.domain.kyc;

import com.customerservice.domain.error.InvalidValueException;
import com.customerservice.domain.file.Image;
import java.util.Objects;
import java.util.Optional;

/** The photographed pages of one document: the back exactly when the document type has one. */
public record DocumentSubmission(DocumentType type, Image front, Optional<Image> back) {
  public static final String TYPE_FIELD = "doc_type";
  public static final String FRONT_FIELD = "image1";
  public static final String BACK_FIELD = "image2";

  public DocumentSubmission {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(back, "back");
    if (front == null) {
      throw InvalidValueException.missing(FRONT_FIELD);
    }
    if (type.hasBack() && back.isEmpty()) {
      throw new InvalidValueException(
          "parameter_missing",
          BACK_FIELD,
          BACK_FIELD + " (the back of the document) is required for " + type.code());
    }
    if (!type.hasBack() && back.isPresent()) {
      throw InvalidValueException.invalid(
          BACK_FIELD, type.code() + " has no back side; send only " + FRONT_FIELD);
    }
  }
}
