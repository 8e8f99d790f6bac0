package com.customerservice.domain.webhook;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The key an endpoint's deliveries are signed with (Standard Webhooks): {@code whsec_} and the
 * base64 of 32 random bytes. Shown once, when the endpoint is created; {@code toString} masks it.
 */
public final class WebhookSecret {
  public static final String PREFIX = "whsec_";
  private static final int BYTES = 32;

  private final byte[] key;

  private WebhookSecret(byte[] key) {
    if (key.length < 24 || key.length > 64) {
      throw new IllegalArgumentException("a webhook secret has 24 to 64 bytes");
    }
    this.key = key.clone();
  }

  public static WebhookSecret generate(RandomGenerator random) {
    byte[] key = new byte[BYTES];
    random.nextBytes(key);
    return new WebhookSecret(key);
  }

  /** A secret from its {@code whsec_…} text (as stored, or as a receiver holds it). */
  public static WebhookSecret parse(String text) {
    Objects.requireNonNull(text, "text");
    if (!text.startsWith(PREFIX)) {
      throw new IllegalArgumentException("a webhook secret starts with " + PREFIX);
    }
    return new WebhookSecret(Base64.getDecoder().decode(text.substring(PREFIX.length())));
  }

  /** The decoded key bytes, which HMAC-SHA256 signs with. */
  public byte[] key() {
    return key.clone();
  }

  /** The {@code whsec_…} text: the one time it is shown, and for encrypted storage. */
  public String reveal() {
    return PREFIX + Base64.getEncoder().encodeToString(key);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof WebhookSecret that && MessageDigest.isEqual(key, that.key);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(key);
  }

  @Override
  public String toString() {
    return PREFIX + "***";
  }
}
