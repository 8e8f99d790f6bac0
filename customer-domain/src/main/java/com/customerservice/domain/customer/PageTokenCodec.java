package com.customerservice.domain.customer;

import com.customerservice.domain.error.InvalidValueException;
import com.customerservice.domain.shared.HmacKey;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Turns a position in a list into an opaque token and back. A token is signed, and bound to the
 * list and the filters it was issued for ({@code scope}): a forged or garbled token, or one sent
 * with other filters, is refused rather than silently read as some other position.
 */
public final class PageTokenCodec {
  public static final String FIELD = "page_token";
  private static final String VERSION = "2";
  private static final int TAG_BYTES = 16;
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final HmacKey key;

  public PageTokenCodec(HmacKey key) {
    this.key = key.derive("page-token");
  }

  /** A token for {@code position} of the list and filters {@code scope} names. */
  public String encode(String position, String scope) {
    String payload = VERSION + "|" + position;
    return ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8))
        + "."
        + ENCODER.encodeToString(tag(payload, scope));
  }

  /**
   * The position a token names; a token this codec did not issue for {@code scope} is a 400 on
   * {@code page_token}.
   */
  public String decode(String token, String scope) {
    return tryDecode(token, scope)
        .orElseThrow(
            () ->
                new InvalidValueException(
                    "page_token_invalid",
                    FIELD,
                    "page_token is not a token this service issued for these filters; start again"
                        + " without it"));
  }

  public String encode(PageCursor cursor, CustomerFilter filter) {
    return encode(cursor.position(), filter.scope());
  }

  public PageCursor decode(String token, CustomerFilter filter) {
    return PageCursor.fromPosition(decode(token, filter.scope()))
        .orElseThrow(() -> new IllegalStateException("a signed token held a malformed position"));
  }

  private Optional<String> tryDecode(String token, String scope) {
    if (token == null || token.length() > 512) {
      return Optional.empty();
    }
    int dot = token.indexOf('.');
    if (dot <= 0 || dot != token.lastIndexOf('.')) {
      return Optional.empty();
    }
    try {
      String payload = new String(DECODER.decode(token.substring(0, dot)), StandardCharsets.UTF_8);
      byte[] tag = DECODER.decode(token.substring(dot + 1));
      if (!HmacKey.equalTags(tag(payload, scope), tag) || !payload.startsWith(VERSION + "|")) {
        return Optional.empty();
      }
      return Optional.of(payload.substring(VERSION.length() + 1));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private byte[] tag(String payload, String scope) {
    return Arrays.copyOf(key.tag(payload, scope), TAG_BYTES);
  }
}
