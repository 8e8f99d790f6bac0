package com.customerservice.bootstrap;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * Cryptographically strong randomness without a shared lock: each thread draws from its own DRBG
 * instance, seeded independently by the JVM from the operating system. A single shared {@code
 * SecureRandom} serialised every request that issues an id or a code (JFR showed the contention on
 * its monitor under load).
 */
final class PerThreadSecureRandom implements RandomGenerator {
  private final ThreadLocal<SecureRandom> local =
      ThreadLocal.withInitial(PerThreadSecureRandom::create);

  private static SecureRandom create() {
    try {
      return SecureRandom.getInstance("DRBG");
    } catch (NoSuchAlgorithmException e) {
      return new SecureRandom();
    }
  }

  @Override
  public long nextLong() {
    return local.get().nextLong();
  }

  @Override
  public int nextInt(int bound) {
    return local.get().nextInt(bound);
  }

  @Override
  public void nextBytes(byte[] bytes) {
    local.get().nextBytes(bytes);
  }
}
