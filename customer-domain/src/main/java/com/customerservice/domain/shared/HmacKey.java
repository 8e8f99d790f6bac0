package com.customerservice.domain.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A secret key for HMAC-SHA256 tags (OTP hashes, page tokens). Its {@code toString} never shows the
 * key.
 */
public final class HmacKey {
  private static final String ALGORITHM = "HmacSHA256";
  public static final int MIN_LENGTH = 32;

  private final SecretKeySpec key;

  public HmacKey(byte[] secret) {
    if (secret == null || secret.length < MIN_LENGTH) {
      throw new IllegalArgumentException("an HMAC key needs at least " + MIN_LENGTH + " bytes");
    }
    this.key = new SecretKeySpec(Arrays.copyOf(secret, secret.length), ALGORITHM);
  }

  /** Derives an independent key for one purpose, so one secret never signs two kinds of data. */
  public HmacKey derive(String purpose) {
    return new HmacKey(tag(purpose));
  }

  /** The tag of the parts, each length-prefixed so that ("ab","c") and ("a","bc") differ. */
  public byte[] tag(String... parts) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      for (String part : parts) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        mac.update(intBytes(bytes.length));
        mac.update(bytes);
      }
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }

  /** Compares a tag in time that does not depend on where the first difference is. */
  public static boolean equalTags(byte[] expected, byte[] actual) {
    return MessageDigest.isEqual(expected, actual);
  }

  private static byte[] intBytes(int value) {
    return new byte[] {
      (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value
    };
  }

  @Override
  public String toString() {
    return "HmacKey[***]";
  }
}
