package com.customerservice.domain.idempotency;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The first answer to an idempotent request, kept to be given again: its status, the headers a
 * retry needs ({@code Location}, {@code Retry-After}, {@code Content-Type}) and its body, or, for
 * an answer too large to keep twice (uploaded images), a reference from which the same body is
 * rendered again.
 */
public final class StoredAnswer {
  private final int status;
  private final Map<String, String> headers;
  private final byte[] body;
  private final String rerender;

  private StoredAnswer(int status, Map<String, String> headers, byte[] body, String rerender) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("not an HTTP status: " + status);
    }
    this.status = status;
    this.headers = Map.copyOf(headers);
    this.body = Objects.requireNonNull(body, "body").clone();
    this.rerender = rerender;
  }

  /** An answer kept whole. */
  public static StoredAnswer of(int status, Map<String, String> headers, byte[] body) {
    return new StoredAnswer(status, headers, body, null);
  }

  /** An answer whose body is rendered again from {@code reference} on a replay. */
  public static StoredAnswer rerendered(int status, Map<String, String> headers, String reference) {
    return new StoredAnswer(status, headers, new byte[0], Objects.requireNonNull(reference));
  }

  public int status() {
    return status;
  }

  public Map<String, String> headers() {
    return headers;
  }

  public byte[] body() {
    return body.clone();
  }

  public Optional<String> rerender() {
    return Optional.ofNullable(rerender);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StoredAnswer that
        && status == that.status
        && headers.equals(that.headers)
        && Arrays.equals(body, that.body)
        && Objects.equals(rerender, that.rerender);
  }

  @Override
  public int hashCode() {
    return Objects.hash(status, headers, Arrays.hashCode(body), rerender);
  }

  @Override
  public String toString() {
    return "StoredAnswer[" + status + ", " + body.length + " bytes]";
  }
}
