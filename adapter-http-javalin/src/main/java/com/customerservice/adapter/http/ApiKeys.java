package com.customerservice.adapter.http;

import com.customerservice.adapter.http.error.ApiException;
import com.customerservice.adapter.http.error.ErrorType;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Bearer API keys. Keys are compared as SHA-256 digests with a constant-time comparison, so neither
 * a key's content nor its length leaks through timing. With no key configured the API is open
 * (bootstrap allows that only in sandbox mode).
 */
public final class ApiKeys {
  private static final String PREFIX = "Bearer ";

  /** One digest per thread: looking the algorithm up per request showed in the GET profile. */
  private static final ThreadLocal<MessageDigest> SHA_256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("SHA-256 is not available in this JVM", e);
            }
          });

  private final List<byte[]> digests;

  public ApiKeys(List<String> keys) {
    this.digests = keys.stream().map(ApiKeys::digest).toList();
  }

  public boolean isOpen() {
    return digests.isEmpty();
  }

  /** A before-handler: lets the request through or answers 401. */
  public void authenticate(Context ctx) {
    if (isOpen()) {
      return;
    }
    String header = ctx.header("Authorization");
    if (header == null || header.isBlank()) {
      throw new ApiException(
          401,
          ErrorType.AUTHENTICATION,
          "api_key_missing",
          "No API key provided: send 'Authorization: Bearer <key>'",
          null);
    }
    if (!header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
        || !matches(header.substring(PREFIX.length()).strip())) {
      throw new ApiException(
          401, ErrorType.AUTHENTICATION, "api_key_invalid", "Invalid API key provided", null);
    }
  }

  private boolean matches(String candidate) {
    byte[] offered = digest(candidate);
    boolean found = false;
    for (byte[] known : digests) {
      found |= MessageDigest.isEqual(known, offered); // no early exit: every key is compared
    }
    return found;
  }

  private static byte[] digest(String key) {
    return SHA_256.get().digest(key.getBytes(StandardCharsets.UTF_8));
  }
}
