package com.customerservice.testkit.fakes;

import com.customerservice.domain.shared.HmacKey;
import java.nio.charset.StandardCharsets;

/** Fixed secrets for tests; never used outside them. */
public final class TestKeys {
  private TestKeys() {}

  public static HmacKey hmacKey() {
    return new HmacKey("test-only-secret-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8));
  }
}
