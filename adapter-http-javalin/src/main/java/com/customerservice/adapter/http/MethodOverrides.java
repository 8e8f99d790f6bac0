package com.customerservice.adapter.http;

import com.customerservice.adapter.http.error.ApiException;
import io.javalin.http.Context;
import java.util.List;

/**
 * The method on the request line is the only method. Javalin honours {@code X-HTTP-Method-Override}
 * when it routes, which would let a GET (safe, cached, pre-fetched, allowed by proxies) close a
 * customer; a request carrying any of the override headers is refused before anything else runs.
 */
final class MethodOverrides {
  static final List<String> HEADERS =
      List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override");

  private MethodOverrides() {}

  /** A before-handler, registered right after the request id. */
  static void refuse(Context ctx) {
    for (String header : HEADERS) {
      if (ctx.header(header) != null) {
        throw ApiException.badRequest(
            "method_override_refused",
            header + " is not accepted: send the method on the request line",
            null);
      }
    }
  }
}
