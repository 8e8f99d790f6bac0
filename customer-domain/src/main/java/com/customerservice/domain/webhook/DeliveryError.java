package com.customerservice.domain.webhook;

import com.customerservice.domain.shared.Coded;
import java.util.Locale;

/**
 * Why a try at a delivery got no complete answer, in words an operator can act on: the delivery
 * log's {@code error}.
 */
public enum DeliveryError implements Coded {
  /** No complete answer within the send timeout. */
  TIMEOUT,
  /** Nothing accepted the connection at the address (no server listening, or a firewall). */
  CONNECTION_REFUSED,
  /** The receiver reset or closed the connection while the request or its answer was under way. */
  CONNECTION_RESET,
  /** The receiver closed the connection before its answer was complete. */
  UNEXPECTED_END_OF_STREAM,
  /** The TLS handshake failed: certificate, protocol version or cipher. */
  TLS_ERROR,
  /** The endpoint's host name does not resolve. */
  DNS_FAILURE,
  /** The host resolves to an address deliveries may not go to (loopback, private, metadata…). */
  FORBIDDEN_DESTINATION,
  /** The receiver answered something that is not HTTP. */
  INVALID_RESPONSE,
  /** The endpoint's URL cannot be requested. */
  INVALID_URL,
  /** Any other network failure; also every failure of tries made before these were told apart. */
  CONNECTION_FAILED;

  @Override
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
