package com.customerservice.domain.customer;

import com.customerservice.domain.error.InvalidValueException;
import com.customerservice.domain.shared.HmacKey;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Turns a {@link PageCursor} into an opaque token and back. Tokens are signed, so a forged or
 * garbled one is refused rather than silently read as some other position.
 */
public final class PageTokenCodec {
  public static final String FIELD = "page_token";
  private static final String VERSION = "1";
  private static final int TAG_BYTES = 16;
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final HmacKey key;

  public PageTokenCodec(HmacKey key) {
    this.key = key.derive("page-token");
  }

  public String encode(PageCursor cursor) {
    Instant at = cursor.createdAt();
    String payload =
        String.join(
            "|",
            VERSION,
            Long.toString(at.getEpochSecond()),
            Integer.toString(at.getNano()),
            cursor.id().value());
    byte[] body = payload.getBytes(StandardCharsets.UTF_8);
    return ENCODER.encodeToString(body) + "." + ENCODER.encodeToString(tag(payload));
  }

  /** The cursor a token names; a token this codec did not issue is a 400 on {@code page_token}. */
  public PageCursor decode(String token) {
    return tryDecode(token)
        .orElseThrow(
            () ->
                new InvalidValueException(
                    "page_token_invalid",
                    FIELD,
                    "page_token is not a token this service issued; start again without it"));
  }

  private Optional<PageCursor> tryDecode(String token) {
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
      if (!HmacKey.equalTags(tag(payload), tag)) {
        return Optional.empty();
      }
      String[] parts = payload.split("\\|", -1);
      if (parts.length != 4 || !VERSION.equals(parts[0])) {
        return Optional.empty();
      }
      Instant at = Instant.ofEpochSecond(Long.parseLong(parts[1]), Integer.parseInt(parts[2]));
      return CustomerId.KIND.parse(parts[3]).map(id -> new PageCursor(at, id));
    } catch (IllegalArgumentException | DateTimeException e) {
      return Optional.empty();
    }
  }

  private byte[] tag(String payload) {
    return Arrays.copyOf(key.tag(payload), TAG_BYTES);
  }
}
