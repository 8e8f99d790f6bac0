package com.customerservice.adapter.kyc.smileid;

import com.customerservice.adapter.kyc.vendor.DocumentTypeMapping;
import com.customerservice.domain.port.DocumentCatalogue;
import java.util.regex.Pattern;

/**
 * Our document codes as Smile ID's {@code id_type}s, read from {@value #MAPPING} (data next to the
 * document catalogue, not code: Smile ID renames its types, as it did Mozambique's identity card).
 * A code the mapping does not name cannot be verified by Smile ID and is refused at upload, before
 * the customer is asked for a selfie.
 */
final class SmileIdDocumentTypes {
  static final String MAPPING = "/kyc/smile-id-document-types.csv";
  private static final Pattern ID_TYPE = Pattern.compile("[A-Z_]+");

  private final DocumentTypeMapping mapping;

  SmileIdDocumentTypes(DocumentCatalogue catalogue) {
    // The bundled mapping: code,id_type lines.
    this.mapping =
        new DocumentTypeMapping(catalogue, DocumentTypeMapping.bundled(MAPPING, ID_TYPE));
  }

  /** Smile ID's country and id type for one of our document codes. */
  record SmileIdType(String country, String idType) {}

  SmileIdType of(String code) {
    DocumentTypeMapping.Mapped mapped = mapping.of(code);
    return new SmileIdType(mapped.type().country(), mapped.values().get(0));
  }
}
