package com.customerservice.adapter.kyc.onfido;

import com.customerservice.adapter.kyc.vendor.DocumentTypeMapping;
import com.customerservice.domain.port.DocumentCatalogue;
import java.util.regex.Pattern;

/**
 * Our document codes as Onfido's document types and issuing countries, read from {@value #MAPPING}
 * beside the document catalogue. A code the mapping does not name cannot be verified by Onfido and
 * is refused at upload, before the customer is asked for a selfie.
 */
final class OnfidoDocumentTypes {
  static final String MAPPING = "/kyc/onfido-document-types.csv";
  private static final Pattern TYPE = Pattern.compile("[a-z_]{2,60}");
  private static final Pattern ALPHA_3 = Pattern.compile("[A-Z]{3}");

  private final DocumentTypeMapping mapping;

  OnfidoDocumentTypes(DocumentCatalogue catalogue) {
    // The bundled mapping: code,onfido_type,issuing_country lines.
    this.mapping =
        new DocumentTypeMapping(catalogue, DocumentTypeMapping.bundled(MAPPING, TYPE, ALPHA_3));
  }

  /**
   * Onfido's type and issuing country for one of our document codes, and whether it has a back to
   * upload.
   */
  record OnfidoType(String type, String issuingCountry, boolean hasBack) {}

  OnfidoType of(String code) {
    DocumentTypeMapping.Mapped mapped = mapping.of(code);
    return new OnfidoType(mapped.values().get(0), mapped.values().get(1), mapped.type().hasBack());
  }
}
