package com.customerservice.adapter.http;

import com.customerservice.adapter.http.error.ApiException;
import com.customerservice.adapter.http.error.ErrorType;
import io.javalin.config.JavalinState;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The method on the request line is the only method. Javalin honours {@code X-HTTP-Method-Override}
 * when it routes, which would let a GET (safe, cached, pre-fetched, allowed by proxies) close a
 * customer; a request carrying any of the override headers is refused before anything else runs.
 */
final class MethodOverrides {
  static final List<String> HEADERS =
      List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override");

  private static final List<HandlerType> ANSWERED =
      List.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.DELETE);

  private MethodOverrides() {}

  /**
   * A before-handler: {@code HEAD} outside the health checks is 405 with the methods the path does
   * answer in {@code Allow} (404 when it answers none), instead of Javalin's bare 200 text/plain.
   */
  static Handler refuseHead(JavalinState javalin) {
    return ctx -> {
      if (!"HEAD".equals(ctx.req().getMethod()) || ctx.path().startsWith("/health/")) {
        return;
      }
      String allowed =
          ANSWERED.stream()
              .filter(method -> javalin.internalRouter.hasHttpHandlerEntry(method, ctx.path()))
              .map(HandlerType::name)
              .collect(Collectors.joining(", "));
      if (allowed.isEmpty()) {
        throw new ApiException(
            404, ErrorType.INVALID_REQUEST, "route_not_found", "No route matches HEAD", null);
      }
      ctx.header("Allow", allowed);
      throw new ApiException(
          405,
          ErrorType.INVALID_REQUEST,
          "method_not_allowed",
          "Method HEAD is not allowed on this path",
          null);
    };
  }

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
