package com.customerservice.domain.file;

import com.customerservice.domain.shared.Coded;
import java.util.Arrays;
import java.util.Optional;

/** Where a stored file belongs; only profile pictures are ever served back to clients. */
public enum Bucket implements Coded {
  PROFILES("profiles", true),
  DOCUMENTS("documents", false),
  SELFIES("selfies", false);

  private final String code;
  private final boolean served;

  Bucket(String code, boolean served) {
    this.code = code;
    this.served = served;
  }

  @Override
  public String code() {
    return code;
  }

  /** Whether files of this bucket may be read through the files endpoint. */
  public boolean served() {
    return served;
  }

  public static Optional<Bucket> parse(String code) {
    return Arrays.stream(values()).filter(b -> b.code.equals(code)).findFirst();
  }
}
