package com.customerservice.adapter.http.error;

/**
 * What of a client's own input an error may repeat: at most {@value #MAX} characters, so a huge
 * field name is not reflected back (twice) in every error body.
 */
public final class Echo {
  public static final int MAX = 64;

  private Echo() {}

  /** {@code text} cut to {@value #MAX} characters, never in the middle of a surrogate pair. */
  public static String cut(String text) {
    if (text.codePointCount(0, text.length()) <= MAX) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, MAX)) + "…";
  }
}
