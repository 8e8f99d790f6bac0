package com.customerservice.adapter.kyc.onfido;

import com.customerservice.domain.port.KycVerifier.CallbackReading;
import com.customerservice.domain.port.KycVerifier.VendorMessage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Onfido's webhooks: {@code X-SHA2-Signature} is the lowercase hex HMAC-SHA256 of the raw body,
 * keyed with the webhook's token, checked on the bytes as they arrived, before anything is parsed,
 * and compared in constant time. An authentic {@code check.*} event names the check to poll; its
 * body carries no verdict, and nothing in it but the check's id is used.
 *
 * <p>Events about anything else ({@code report.completed} and the like) are about no job: a
 * report's event names the report, not its check, and Onfido announces the check itself once all
 * its reports are done, so reading a report's check here would cost a call for nothing. There is no
 * freshness window: the signature covers no timestamp of its own, Onfido retries a webhook on its
 * own schedule, and a replayed event only makes the service ask about a check it may already have
 * decided.
 */
final class OnfidoWebhook {
  /** The header, in lower case as the HTTP adapter hands headers over. */
  static final String SIGNATURE = "x-sha2-signature";

  private static final String ALGORITHM = "HmacSHA256";
  private static final String CHECK = "check";

  private final SecretKeySpec key;
  private final ObjectMapper json;

  OnfidoWebhook(String webhookToken, ObjectMapper json) {
    this.key = new SecretKeySpec(webhookToken.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    this.json = json;
  }

  /** Onfido's signature over {@code body}: lowercase hex. */
  String sign(byte[] body) {
    return HexFormat.of().formatHex(mac(body));
  }

  /** Whether {@code signature} is Onfido's over {@code body}. */
  boolean verifies(byte[] body, Optional<String> signature) {
    if (signature.isEmpty()) {
      return false;
    }
    byte[] claimed;
    try {
      claimed = HexFormat.of().parseHex(signature.get().strip());
    } catch (IllegalArgumentException notHex) {
      return false;
    }
    return MessageDigest.isEqual(mac(body), claimed);
  }

  CallbackReading read(VendorMessage message) {
    if (!verifies(message.body(), message.attribute(SIGNATURE))) {
      return new CallbackReading.NotAuthentic(
          message.attribute(SIGNATURE).isEmpty()
              ? "no X-SHA2-Signature"
              : "the signature does not verify");
    }
    JsonNode payload;
    try {
      payload = json.readTree(message.body()).path("payload");
    } catch (IOException e) {
      return new CallbackReading.AboutNoJob();
    }
    String checkId = payload.path("object").path("id").asText("");
    if (!CHECK.equals(payload.path("resource_type").asText()) || !OnfidoApi.isId(checkId)) {
      return new CallbackReading.AboutNoJob();
    }
    return new CallbackReading.AboutJob(checkId);
  }

  private byte[] mac(byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }
}
