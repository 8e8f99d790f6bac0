package com.customerservice.adapter.http.error;

import com.customerservice.adapter.http.RequestIds;
import com.customerservice.adapter.http.json.Json;
import com.customerservice.domain.error.Category;
import com.customerservice.domain.error.DomainException;
import com.customerservice.domain.error.RateLimitedException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that turns failures into HTTP: status, {@code error.type}, code, message and param,
 * always in the same envelope and always with the request id. Messages come from our own code,
 * never from a library or the database, so no stack trace, SQL or class name reaches a client.
 */
public final class ErrorResponses {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

  private ErrorResponses() {}

  /** The status and error type of each kind of domain failure; exhaustive by construction. */
  public static int status(Category category) {
    return switch (category) {
      case INVALID, VERIFICATION_FAILED -> 400;
      case NOT_FOUND -> 404;
      case CONFLICT -> 409;
      case TOO_LARGE -> 413;
      case UNSUPPORTED_MEDIA -> 415;
      case KYC_REFUSED -> 422;
      case RATE_LIMITED -> 429;
      case NOT_AUTHENTIC -> 401;
      case UNAVAILABLE -> 503;
    };
  }

  static String type(Category category) {
    return switch (category) {
      case INVALID, NOT_FOUND, CONFLICT, TOO_LARGE, UNSUPPORTED_MEDIA -> ErrorType.INVALID_REQUEST;
      case VERIFICATION_FAILED -> ErrorType.VERIFICATION;
      case KYC_REFUSED -> ErrorType.KYC;
      case RATE_LIMITED -> ErrorType.RATE_LIMIT;
      case NOT_AUTHENTIC -> ErrorType.AUTHENTICATION;
      case UNAVAILABLE -> ErrorType.API;
    };
  }

  public static void domain(DomainException e, Context ctx) {
    if (e instanceof RateLimitedException limited) {
      limited.retryAfter().ifPresent(wait -> ctx.header("Retry-After", retryAfterSeconds(wait)));
    }
    if (e.category() == Category.UNAVAILABLE) {
      LOG.warn(
          "dependency unavailable ({}) request_id={}", e.code(), RequestIds.of(ctx), e.getCause());
      ctx.header("Retry-After", "5");
    }
    write(
        ctx,
        status(e.category()),
        type(e.category()),
        e.code(),
        e.getMessage(),
        e.param().orElse(null));
  }

  /** Whole seconds, rounded up and at least one, as the {@code Retry-After} header takes them. */
  public static String retryAfterSeconds(Duration wait) {
    long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
    return Long.toString(Math.max(1, seconds));
  }

  public static void api(ApiException e, Context ctx) {
    if (e.status() == 401) {
      ctx.header("WWW-Authenticate", "Bearer");
    }
    write(ctx, e.status(), e.type(), e.code(), e.getMessage(), e.param().orElse(null));
  }

  /** Javalin's own answers: no route (404), wrong method (405), body too large (413), and so on. */
  public static void framework(HttpResponseException e, Context ctx) {
    int status = e.getStatus();
    switch (status) {
      case 404 ->
          write(
              ctx,
              404,
              ErrorType.INVALID_REQUEST,
              "route_not_found",
              "No route matches " + Echo.cut(ctx.req().getMethod()) + " on this path",
              null);
      case 405 -> {
        String allowed = e.getDetails().get("availableMethods");
        if (allowed != null) {
          ctx.header("Allow", allowed);
        }
        write(
            ctx,
            405,
            ErrorType.INVALID_REQUEST,
            "method_not_allowed",
            "Method " + Echo.cut(ctx.req().getMethod()) + " is not allowed on this path",
            null);
      }
      case 413 ->
          write(
              ctx,
              413,
              ErrorType.INVALID_REQUEST,
              "request_too_large",
              "The request body is too large",
              null);
      default -> {
        if (status >= 500) {
          unexpected(e, ctx);
        } else {
          write(
              ctx,
              status,
              ErrorType.INVALID_REQUEST,
              "request_invalid",
              "The request could not be processed",
              null);
        }
      }
    }
  }

  /**
   * A {@link Error} thrown while serving a request. Running out of memory is the service being
   * overloaded (503, try again); any other is a bug (500). Both answer the envelope.
   */
  public static void error(HttpServletResponse response, Error error) {
    boolean overloaded = error instanceof OutOfMemoryError;
    String requestId = response.getHeader(RequestIds.HEADER);
    if (requestId == null) {
      requestId = RequestIds.acceptOrGenerate(null);
      response.setHeader(RequestIds.HEADER, requestId);
    }
    LOG.error("fatal error serving request_id={}", requestId, error);
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("object", "error");
    ObjectNode envelope = body.putObject("error");
    envelope.put("type", ErrorType.API);
    envelope.put("code", overloaded ? "service_overloaded" : "internal_error");
    envelope.put(
        "message",
        overloaded
            ? "The service is overloaded; try again shortly"
            : "An unexpected error occurred; it has been logged with this request's id");
    body.put("request_id", requestId);
    try {
      response.resetBuffer();
      response.setStatus(overloaded ? 503 : 500);
      if (overloaded) {
        response.setHeader("Retry-After", "5");
      }
      response.setContentType("application/json");
      response.getOutputStream().write(Json.MAPPER.writeValueAsBytes(body));
    } catch (IOException | IllegalStateException e) {
      // The response was committed already; the client sees a broken connection.
    }
  }

  /** Anything else is a bug: logged with the request id, answered without detail. */
  public static void unexpected(Exception e, Context ctx) {
    LOG.error("unexpected failure request_id={} route={}", RequestIds.of(ctx), routeOf(ctx), e);
    write(
        ctx,
        500,
        ErrorType.API,
        "internal_error",
        "An unexpected error occurred; it has been logged with this request's id",
        null);
  }

  public static void write(
      Context ctx, int status, String type, String code, String message, String param) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("object", "error");
    ObjectNode error = body.putObject("error");
    error.put("type", type);
    error.put("code", code);
    error.put("message", message);
    if (param != null) {
      error.put("param", param);
    }
    body.put("request_id", RequestIds.of(ctx));
    Json.write(ctx, status, body);
  }

  private static String routeOf(Context ctx) {
    try {
      return ctx.method() + " " + ctx.endpoint().path;
    } catch (RuntimeException e) {
      return ctx.method().name();
    }
  }
}
