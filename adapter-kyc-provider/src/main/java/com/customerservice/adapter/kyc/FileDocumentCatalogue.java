package com.customerservice.adapter.kyc;

import com.customerservice.domain.kyc.DocumentType;
import com.customerservice.domain.port.DocumentCatalogue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The accepted identity documents, read once from a CSV data file ({@code
 * code,name,country,has_back}): the one in this module by default, or an operator's own.
 */
public final class FileDocumentCatalogue implements DocumentCatalogue {
  static final String BUNDLED = "/kyc/document-types.csv";

  private final List<DocumentType> types;

  private FileDocumentCatalogue(List<DocumentType> types) {
    if (types.isEmpty()) {
      throw new IllegalArgumentException("the document catalogue lists no document type");
    }
    this.types = List.copyOf(types);
  }

  /** The catalogue this module ships. */
  public static FileDocumentCatalogue bundled() {
    try (InputStream in = FileDocumentCatalogue.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IllegalStateException(BUNDLED + " is missing from the class path");
      }
      return new FileDocumentCatalogue(parse(in, BUNDLED));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An operator's catalogue file, in the same format. */
  public static FileDocumentCatalogue fromFile(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return new FileDocumentCatalogue(parse(in, file.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the document catalogue " + file, e);
    }
  }

  static List<DocumentType> parse(InputStream in, String source) throws IOException {
    List<DocumentType> types = new ArrayList<>();
    Set<String> codes = new HashSet<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    int number = 0;
    while ((line = reader.readLine()) != null) {
      number++;
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      String[] fields = trimmed.split(",", -1);
      if (fields.length != 4 || !(fields[3].equals("true") || fields[3].equals("false"))) {
        throw new IllegalArgumentException(
            source + ":" + number + ": expected code,name,country,has_back(true|false)");
      }
      DocumentType type;
      try {
        type =
            new DocumentType(
                fields[0].strip(),
                fields[1].strip(),
                fields[2].strip(),
                Boolean.parseBoolean(fields[3]));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(source + ":" + number + ": " + e.getMessage(), e);
      }
      if (!codes.add(type.code())) {
        throw new IllegalArgumentException(
            source + ":" + number + ": duplicate code " + type.code());
      }
      types.add(type);
    }
    return types;
  }

  @Override
  public List<DocumentType> supported() {
    return types;
  }
}
