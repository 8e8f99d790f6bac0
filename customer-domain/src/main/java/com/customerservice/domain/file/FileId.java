package com.customerservice.domain.file;

import com.customerservice.domain.shared.RandomIds;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** A stored file's id: {@code file_} plus 24 random letters and digits. */
public record FileId(String value) {
  public static final String PREFIX = "file_";

  public FileId {
    RandomIds.require(PREFIX, value, "file_id");
  }

  public static FileId newId(RandomGenerator random) {
    return new FileId(RandomIds.next(PREFIX, random));
  }

  public static Optional<FileId> parse(String raw) {
    return RandomIds.isValid(PREFIX, raw) ? Optional.of(new FileId(raw)) : Optional.empty();
  }

  @Override
  public String toString() {
    return value;
  }
}
