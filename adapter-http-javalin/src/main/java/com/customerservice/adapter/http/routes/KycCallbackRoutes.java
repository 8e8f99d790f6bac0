package com.customerservice.adapter.http.routes;

import com.customerservice.adapter.http.auth.Access;
import com.customerservice.adapter.http.error.ApiException;
import com.customerservice.adapter.http.json.Json;
import com.customerservice.adapter.http.response.KycResponses;
import com.customerservice.application.port.in.ReceiveKycCallbackUseCase;
import com.customerservice.domain.port.KycVerifier;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * KYC vendors' callbacks: no API key (the vendor's own signature authenticates them, checked by its
 * client on the raw bytes), a body of at most {@value #MAX_BODY_BYTES} bytes read as it came.
 * Whatever the callback said, the answer is the same small acknowledgement; a forged one is 401.
 */
public final class KycCallbackRoutes {
  /** Smile ID sends up to 1.5 MB; nothing a vendor sends is larger. */
  static final int MAX_BODY_BYTES = 2 * 1024 * 1024;

  /** How much of a too-large body is read (and dropped) so that its sender hears the 413. */
  static final long DRAIN_LIMIT_BYTES = 4L * MAX_BODY_BYTES;

  /** Headers kept for the vendor's client, at most: a callback needs a handful. */
  private static final int MAX_HEADERS = 64;

  private final ReceiveKycCallbackUseCase callbacks;

  public KycCallbackRoutes(ReceiveKycCallbackUseCase callbacks) {
    this.callbacks = callbacks;
  }

  public void register(RoutesConfig routes) {
    routes.post(Access.CALLBACKS + "{provider}", this::receive, Access.VENDOR_SIGNED);
  }

  private void receive(Context ctx) {
    callbacks.receive(
        ctx.pathParam("provider"), new KycVerifier.VendorMessage(body(ctx), headers(ctx)));
    Json.write(ctx, 200, KycResponses.CallbackReceived.RECEIVED);
  }

  /**
   * The raw body, refused (413) past the bound whether or not a length was declared. A body
   * somewhat over the bound is read to its end first, so that a sender still writing it reads the
   * 413 rather than a reset connection; one far over it is not worth reading.
   */
  private static byte[] body(Context ctx) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > DRAIN_LIMIT_BYTES) {
      throw tooLarge();
    }
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
      if (body.length > MAX_BODY_BYTES) {
        in.skipNBytes(Math.max(0, Math.min(declared, DRAIN_LIMIT_BYTES) - body.length));
        throw tooLarge();
      }
      return body;
    } catch (IOException e) {
      throw new UncheckedIOException("the callback's body could not be read", e);
    }
  }

  private static ApiException tooLarge() {
    return ApiException.tooLarge("A callback body is at most 2 MiB", null);
  }

  private static Map<String, String> headers(Context ctx) {
    Map<String, String> headers = new HashMap<>();
    for (Map.Entry<String, String> header : ctx.headerMap().entrySet()) {
      if (headers.size() == MAX_HEADERS) {
        break;
      }
      headers.put(header.getKey().toLowerCase(Locale.ROOT), header.getValue());
    }
    return headers;
  }
}
