package com.customerservice.adapter.kyc.smileid;

import com.customerservice.domain.error.InvalidValueException;
import com.customerservice.domain.kyc.DocumentType;
import com.customerservice.domain.port.DocumentCatalogue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Our document codes as Smile ID's {@code id_type}s, read from {@value #MAPPING} (data next to the
 * document catalogue, not code: Smile ID renames its types, as it did Mozambique's identity card).
 * A code the mapping does not name cannot be verified by Smile ID and is refused at upload, before
 * the customer is asked for a selfie.
 */
final class SmileIdDocumentTypes {
  static final String MAPPING = "/kyc/smile-id-document-types.csv";

  private final DocumentCatalogue catalogue;
  private final Map<String, String> idTypes;

  SmileIdDocumentTypes(DocumentCatalogue catalogue) {
    this(catalogue, bundled());
  }

  SmileIdDocumentTypes(DocumentCatalogue catalogue, Map<String, String> idTypes) {
    this.catalogue = catalogue;
    this.idTypes = Map.copyOf(idTypes);
  }

  /** The bundled mapping: {@code code,id_type} lines, '#' starting a comment. */
  static Map<String, String> bundled() {
    try (InputStream in = SmileIdDocumentTypes.class.getResourceAsStream(MAPPING)) {
      if (in == null) {
        throw new IllegalStateException(MAPPING + " is missing from the build");
      }
      Map<String, String> mapping = new HashMap<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        String[] fields = trimmed.split(",");
        if (fields.length != 2 || !fields[1].strip().matches("[A-Z_]+")) {
          throw new IllegalStateException(MAPPING + ": malformed line '" + trimmed + "'");
        }
        mapping.put(fields[0].strip(), fields[1].strip());
      }
      return mapping;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Smile ID's country and id type for one of our document codes. */
  record SmileIdType(String country, String idType) {}

  SmileIdType of(String code) {
    DocumentType type =
        catalogue
            .find(code)
            .orElseThrow(() -> unsupported(code + " is not in the document catalogue"));
    String idType = idTypes.get(code);
    if (idType == null) {
      throw unsupported("the identity provider cannot verify documents of type " + code);
    }
    return new SmileIdType(type.country(), idType);
  }

  private static InvalidValueException unsupported(String message) {
    return new InvalidValueException("document_type_unsupported", "doc_type", message);
  }
}
