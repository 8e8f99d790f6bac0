package com.customerservice.bootstrap;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A rough estimate of how guessable a configured secret is, to refuse the accidents production must
 * not run with: an all-zero HMAC secret, a key of one repeated character, {@code changeme}. It
 * multiplies the length by the Shannon entropy of the secret's own symbols, which random secrets
 * reach (32 random bytes score about 150 bits) and patterns do not; it cannot tell a random secret
 * from a memorable one of many different characters, so it is a guard against accidents, not a
 * strength meter.
 */
final class SecretStrength {
  /** Production's floor for an API key's secret: characters and estimated bits. */
  static final int MIN_KEY_LENGTH = 32;

  static final double MIN_KEY_BITS = 100;

  /** Production's floor for the HMAC secret, in estimated bits. */
  static final double MIN_SECRET_BITS = 128;

  private SecretStrength() {}

  static double bits(String secret) {
    return bits(secret.getBytes(StandardCharsets.UTF_8));
  }

  static double bits(byte[] secret) {
    Map<Byte, Integer> counts = new HashMap<>();
    for (byte b : secret) {
      counts.merge(b, 1, Integer::sum);
    }
    double perSymbol = 0;
    for (int count : counts.values()) {
      double p = (double) count / secret.length;
      perSymbol -= p * (Math.log(p) / Math.log(2));
    }
    return perSymbol * secret.length;
  }
}
