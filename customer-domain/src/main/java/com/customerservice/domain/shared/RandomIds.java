package com.customerservice.domain.shared;

import com.customerservice.domain.error.InvalidValueException;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Issued identifiers: a prefix plus 24 characters from {@code [A-Za-z0-9]} (about 142 bits when the
 * generator is a {@code SecureRandom}).
 */
public final class RandomIds {
  public static final int RANDOM_LENGTH = 24;
  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final int UNBIASED_LIMIT = 248; // the largest multiple of 62 that fits a byte
  private static final Pattern BODY = Pattern.compile("[A-Za-z0-9]{" + RANDOM_LENGTH + "}");

  private RandomIds() {}

  public static String next(String prefix, RandomGenerator random) {
    var id = new StringBuilder(prefix.length() + RANDOM_LENGTH).append(prefix);
    // One draw of bytes per id (a SecureRandom call is synchronised and costly under load);
    // bytes of 248 and above are dropped so that every character is equally likely.
    byte[] bytes = new byte[RANDOM_LENGTH + 8];
    while (id.length() < prefix.length() + RANDOM_LENGTH) {
      random.nextBytes(bytes);
      for (int i = 0; i < bytes.length && id.length() < prefix.length() + RANDOM_LENGTH; i++) {
        int value = bytes[i] & 0xFF;
        if (value < UNBIASED_LIMIT) {
          id.append(ALPHABET.charAt(value % ALPHABET.length()));
        }
      }
    }
    return id.toString();
  }

  public static boolean isValid(String prefix, String candidate) {
    return candidate != null
        && candidate.length() == prefix.length() + RANDOM_LENGTH
        && candidate.startsWith(prefix)
        && BODY.matcher(candidate).region(prefix.length(), candidate.length()).matches();
  }

  /** Checks an id as a domain invariant, naming the field that carried it. */
  public static String require(String prefix, String candidate, String field) {
    if (candidate == null) {
      throw InvalidValueException.missing(field);
    }
    if (!isValid(prefix, candidate)) {
      throw InvalidValueException.invalid(
          field, field + " must be '" + prefix + "' followed by 24 letters or digits");
    }
    return candidate;
  }
}
