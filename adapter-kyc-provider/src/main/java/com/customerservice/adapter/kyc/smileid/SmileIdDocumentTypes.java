package com.customerservice.adapter.kyc.smileid;

import com.customerservice.domain.error.InvalidValueException;
import com.customerservice.domain.kyc.DocumentType;
import com.customerservice.domain.port.DocumentCatalogue;
import java.util.Map;

/**
 * Our document codes as Smile ID's {@code id_type}s, by the suffix every catalogue code carries
 * ({@code MZ_BI}, {@code ZA_PASSPORT}, ...). A code no rule covers cannot be verified by Smile ID
 * and is refused at upload, before the customer is asked for a selfie.
 */
final class SmileIdDocumentTypes {
  private static final Map<String, String> BY_SUFFIX =
      Map.of(
          "_BI", "NATIONAL_ID",
          "_PASSPORT", "PASSPORT",
          "_DIRE", "RESIDENT_ID",
          "_DRIVING_LICENCE", "DRIVERS_LICENSE",
          "_VOTER_CARD", "VOTER_ID");

  private final DocumentCatalogue catalogue;

  SmileIdDocumentTypes(DocumentCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  /** Smile ID's country and id type for one of our document codes. */
  record SmileIdType(String country, String idType) {}

  SmileIdType of(String code) {
    DocumentType type =
        catalogue
            .find(code)
            .orElseThrow(() -> unsupported(code + " is not in the document catalogue"));
    return BY_SUFFIX.entrySet().stream()
        .filter(rule -> code.endsWith(rule.getKey()))
        .findFirst()
        .map(rule -> new SmileIdType(type.country(), rule.getValue()))
        .orElseThrow(
            () -> unsupported("the identity provider cannot verify documents of type " + code));
  }

  private static InvalidValueException unsupported(String message) {
    return new InvalidValueException("document_type_unsupported", "doc_type", message);
  }
}
