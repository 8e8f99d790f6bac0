package com.customerservice.adapter.http.error;

import com.customerservice.adapter.http.RequestIds;
import com.customerservice.adapter.http.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The errors Jetty answers itself, before a request reaches a route: a URI or header that is too
 * long, bad encoding, an unsupported protocol version. They get the same JSON envelope and {@code
 * Request-Id} as every other error, instead of Jetty's HTML page.
 */
public final class ServerErrors extends ErrorHandler {

  /**
   * An error for a request Jetty could parse far enough to have one (a URI too long, bad encoding).
   * What follows it on the connection cannot be trusted, so the connection closes, and says so.
   */
  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus();
    if (request.getAttribute(ERROR_STATUS) instanceof Integer code) {
      status = code;
    }
    String id = RequestIds.acceptOrGenerate(request.getHeaders().get(RequestIds.HEADER));
    HttpFields.Mutable headers = response.getHeaders();
    headers.put(HttpHeader.CONTENT_TYPE, "application/json");
    headers.put(HttpHeader.CACHE_CONTROL, "no-store");
    headers.put(RequestIds.HEADER, id);
    headers.put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
    response.write(true, ByteBuffer.wrap(body(status, id)), callback);
    return true;
  }

  /**
   * An error for bytes that never became a request (header too large, bad protocol version). The
   * connection closes after it, and says so (as after {@link #handle}): a keep-alive client (Node's
   * default agent) would otherwise send its next request on it and read "socket hang up".
   */
  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    String id = RequestIds.acceptOrGenerate(null);
    fields.put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
    fields.put(HttpHeader.CONTENT_TYPE, "application/json");
    fields.put(HttpHeader.CACHE_CONTROL, "no-store");
    fields.put(RequestIds.HEADER, id);
    return ByteBuffer.wrap(body(status, id));
  }

  /** The envelope for {@code status}; Jetty's own reason is never echoed (it may quote input). */
  static byte[] body(int status, String requestId) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("object", "error");
    ObjectNode error = body.putObject("error");
    error.put("type", status >= 500 ? ErrorType.API : ErrorType.INVALID_REQUEST);
    error.put("code", code(status));
    error.put("message", message(status));
    body.put("request_id", requestId);
    try {
      return Json.MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("error body could not be serialised", e);
    }
  }

  private static String code(int status) {
    return switch (status) {
      case 408 -> "request_timeout";
      case 413 -> "request_too_large";
      case 414 -> "uri_too_long";
      case 431 -> "headers_too_large";
      case 505 -> "http_version_not_supported";
      default -> status >= 500 ? "internal_error" : "request_invalid";
    };
  }

  private static String message(int status) {
    return switch (status) {
      case 408 -> "The request was not received in time";
      case 413 -> "The request body is too large";
      case 414 -> "The request URI is too long";
      case 431 -> "The request headers are too large";
      case 505 -> "Only HTTP/1.0 and HTTP/1.1 are supported";
      default ->
          status >= 500
              ? "An unexpected error occurred"
              : "The request could not be parsed (its URI, encoding or headers are malformed)";
    };
  }
}
