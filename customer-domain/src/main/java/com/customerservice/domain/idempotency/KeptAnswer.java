package com.customerservice.domain.idempotency;

import java.util.Arrays;
import java.util.Objects;

/**
 * The first answer to an idempotent request, kept to be given again, as the adapter that gave it
 * wrote it down: {@code metadata} it reads back to give the answer again, and a {@code body} that
 * may hold personal data (an id number, a sandbox's code), so stores encrypt it. The core never
 * looks inside either.
 */
public final class KeptAnswer {
  private final String metadata;
  private final byte[] body;

  public KeptAnswer(String metadata, byte[] body) {
    this.metadata = Objects.requireNonNull(metadata, "metadata");
    this.body = Objects.requireNonNull(body, "body").clone();
  }

  public String metadata() {
    return metadata;
  }

  public byte[] body() {
    return body.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof KeptAnswer that
        && metadata.equals(that.metadata)
        && Arrays.equals(body, that.body);
  }

  @Override
  public int hashCode() {
    return 31 * metadata.hashCode() + Arrays.hashCode(body);
  }

  @Override
  public String toString() {
    return "KeptAnswer[" + metadata.length() + " + " + body.length + " bytes]";
  }
}
