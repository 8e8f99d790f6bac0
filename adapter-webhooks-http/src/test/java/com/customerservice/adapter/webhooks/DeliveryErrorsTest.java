package com.customerservice.adapter.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerservice.domain.webhook.DeliveryError;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;
import okhttp3.internal.http2.ErrorCode;
import okhttp3.internal.http2.StreamResetException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each kind of failure OkHttp and the JDK report, as the delivery log names it. */
class DeliveryErrorsTest {

  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of(new SocketTimeoutException("Read timed out"), DeliveryError.TIMEOUT),
        Arguments.of(new SocketTimeoutException("Connect timed out"), DeliveryError.TIMEOUT),
        // OkHttp's call timeout closes the socket, then says why.
        Arguments.of(
            cause(new InterruptedIOException("timeout"), new SocketException("Socket closed")),
            DeliveryError.TIMEOUT),
        Arguments.of(
            cause(
                new ConnectException("Failed to connect to /127.0.0.1:9"),
                new ConnectException("Connection refused")),
            DeliveryError.CONNECTION_REFUSED),
        Arguments.of(new SocketException("Connection reset"), DeliveryError.CONNECTION_RESET),
        Arguments.of(
            new SocketException("Connection reset by peer"), DeliveryError.CONNECTION_RESET),
        Arguments.of(
            new SocketException("Broken pipe (Write failed)"), DeliveryError.CONNECTION_RESET),
        Arguments.of(new StreamResetException(ErrorCode.CANCEL), DeliveryError.CONNECTION_RESET),
        Arguments.of(
            cause(
                new IOException("unexpected end of stream on http://127.0.0.1:9/..."),
                new EOFException("\\n not found: limit=0 content=…")),
            DeliveryError.UNEXPECTED_END_OF_STREAM),
        Arguments.of(
            new ProtocolException("unexpected end of stream"),
            DeliveryError.UNEXPECTED_END_OF_STREAM),
        Arguments.of(
            new ProtocolException("Unexpected status line: SSH-2.0-OpenSSH_9.6"),
            DeliveryError.INVALID_RESPONSE),
        Arguments.of(
            cause(
                new SSLHandshakeException("PKIX path building failed"),
                new CertificateException("unable to find valid certification path")),
            DeliveryError.TLS_ERROR),
        Arguments.of(new UnknownHostException("nowhere.invalid"), DeliveryError.DNS_FAILURE),
        Arguments.of(
            new Destinations.ForbiddenDestination("internal"), DeliveryError.FORBIDDEN_DESTINATION),
        Arguments.of(
            new SocketException("Network is unreachable"), DeliveryError.CONNECTION_FAILED),
        Arguments.of(new IOException("Canceled"), DeliveryError.CONNECTION_FAILED));
  }

  private static IOException cause(IOException outer, Throwable inner) {
    outer.initCause(inner);
    return outer;
  }

  @ParameterizedTest
  @MethodSource("failures")
  void eachFailureHasItsWord(IOException failure, DeliveryError expected) {
    assertThat(DeliveryErrors.of(failure)).isEqualTo(expected);
  }
}
