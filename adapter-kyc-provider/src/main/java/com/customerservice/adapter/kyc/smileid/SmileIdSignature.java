package com.customerservice.adapter.kyc.smileid;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Smile ID's request signature: base64 of HMAC-SHA256, keyed with the API key, over the ISO-8601
 * timestamp, the partner id and the literal {@code sid_request}. Smile ID signs its job-status
 * answers the same way, so the same scheme checks that an answer really came from Smile ID.
 */
final class SmileIdSignature {
  private static final String ALGORITHM = "HmacSHA256";

  /** A timestamp and the signature over it, as sent in a request body. */
  record Signed(String timestamp, String signature) {}

  private final String partnerId;
  private final SecretKeySpec key;

  SmileIdSignature(String partnerId, String apiKey) {
    this.partnerId = partnerId;
    this.key = new SecretKeySpec(apiKey.getBytes(StandardCharsets.UTF_8), ALGORITHM);
  }

  Signed sign(Instant now) {
    String timestamp = now.truncatedTo(ChronoUnit.MILLIS).toString();
    return new Signed(timestamp, signatureOf(timestamp));
  }

  /** Whether {@code signature} is Smile ID's signature over {@code timestamp}. */
  boolean verifies(String timestamp, String signature) {
    if (timestamp == null || signature == null) {
      return false;
    }
    return MessageDigest.isEqual(
        signatureOf(timestamp).getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.US_ASCII));
  }

  private String signatureOf(String timestamp) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
      mac.update(partnerId.getBytes(StandardCharsets.UTF_8));
      mac.update("sid_request".getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }
}
