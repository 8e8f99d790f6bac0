package com.customerservice.domain.file;

import com.customerservice.domain.shared.IdKind;

/**
 * A stored file's id: {@code file_} plus 24 random letters and digits. Made and parsed through
 * {@link #KIND}.
 */
public record FileId(String value) {
  public static final IdKind<FileId> KIND = new IdKind<>("file_", "file_id", FileId::new);

  public FileId {
    KIND.require(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
