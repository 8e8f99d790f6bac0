package com.customerservice.adapter.webhooks;

import com.customerservice.domain.webhook.DeliveryError;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Locale;
import javax.net.ssl.SSLException;
import okhttp3.internal.http2.StreamResetException;

/**
 * The one place where what went wrong on the wire becomes a {@link DeliveryError}. The exception's
 * own text never reaches the log: it may carry addresses and a receiver's bytes.
 */
final class DeliveryErrors {
  private DeliveryErrors() {}

  /**
   * The error {@code failure} stands for. The outermost recognised exception decides (OkHttp's call
   * timeout wraps the socket error it caused; its "unexpected end of stream" wraps an EOF).
   */
  static DeliveryError of(IOException failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      DeliveryError known = recognise(t);
      if (known != null) {
        return known;
      }
    }
    return DeliveryError.CONNECTION_FAILED;
  }

  private static DeliveryError recognise(Throwable t) {
    if (t instanceof Destinations.ForbiddenDestination) {
      return DeliveryError.FORBIDDEN_DESTINATION;
    }
    if (t instanceof UnknownHostException) {
      return DeliveryError.DNS_FAILURE;
    }
    if (t instanceof InterruptedIOException) { // the call, connect or read timeout
      return DeliveryError.TIMEOUT;
    }
    if (t instanceof ConnectException) {
      return DeliveryError.CONNECTION_REFUSED;
    }
    if (t instanceof SSLException) {
      return DeliveryError.TLS_ERROR;
    }
    if (t instanceof EOFException) {
      return DeliveryError.UNEXPECTED_END_OF_STREAM;
    }
    if (t instanceof ProtocolException) {
      // OkHttp's word for a body shorter than its Content-Length; any other is a malformed answer.
      return isEndOfStream(t.getMessage())
          ? DeliveryError.UNEXPECTED_END_OF_STREAM
          : DeliveryError.INVALID_RESPONSE;
    }
    // OkHttp's class for an HTTP/2 stream the receiver reset; pinned with OkHttp's version.
    if (t instanceof StreamResetException) {
      return DeliveryError.CONNECTION_RESET;
    }
    if (t instanceof SocketException && isReset(t.getMessage())) {
      return DeliveryError.CONNECTION_RESET;
    }
    return null;
  }

  private static boolean isEndOfStream(String message) {
    return message != null && message.startsWith("unexpected end of stream");
  }

  /** The JDK says "Connection reset" (by peer) or "Broken pipe": the receiver closed the socket. */
  private static boolean isReset(String message) {
    String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
    return m.contains("connection reset") || m.contains("broken pipe");
  }
}
