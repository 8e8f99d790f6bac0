package com.customerservice.adapter.kyc.vendor;

import com.customerservice.domain.error.InvalidValueException;
import com.customerservice.domain.kyc.DocumentType;
import com.customerservice.domain.port.DocumentCatalogue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Our document codes in one vendor's words, read from a CSV file beside the document catalogue
 * ({@code code,…} lines, '#' starting a comment): data, not code, since vendors rename their types.
 * A code the file does not name cannot be verified by that vendor and is refused at upload, before
 * the customer is asked for a selfie.
 */
public final class DocumentTypeMapping {
  private final DocumentCatalogue catalogue;
  private final Map<String, List<String>> byCode;

  public DocumentTypeMapping(DocumentCatalogue catalogue, Map<String, List<String>> byCode) {
    this.catalogue = catalogue;
    this.byCode = Map.copyOf(byCode);
  }

  /**
   * The mapping in the class-path resource {@code resource}: each line a code and one value per
   * pattern of {@code fields}, each value matching its pattern.
   */
  public static Map<String, List<String>> bundled(String resource, Pattern... fields) {
    try (InputStream in = DocumentTypeMapping.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the build");
      }
      Map<String, List<String>> mapping = new HashMap<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        List<String> values = Arrays.stream(trimmed.split(",", -1)).map(String::strip).toList();
        if (values.size() != fields.length + 1 || !matches(values, fields)) {
          throw new IllegalStateException(resource + ": malformed line '" + trimmed + "'");
        }
        mapping.put(values.get(0), values.subList(1, values.size()));
      }
      return mapping;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean matches(List<String> values, Pattern[] fields) {
    for (int i = 0; i < fields.length; i++) {
      if (!fields[i].matcher(values.get(i + 1)).matches()) {
        return false;
      }
    }
    return true;
  }

  /** A catalogue document type and the vendor's values for it. */
  public record Mapped(DocumentType type, List<String> values) {}

  /** The catalogue's type {@code code} and the vendor's values for it, or a 422 if it has none. */
  public Mapped of(String code) {
    DocumentType type =
        catalogue
            .find(code)
            .orElseThrow(() -> unsupported(code + " is not in the document catalogue"));
    List<String> values = byCode.get(code);
    if (values == null) {
      throw unsupported("the identity provider cannot verify documents of type " + code);
    }
    return new Mapped(type, values);
  }

  private static InvalidValueException unsupported(String message) {
    return new InvalidValueException("document_type_unsupported", "doc_type", message);
  }
}
