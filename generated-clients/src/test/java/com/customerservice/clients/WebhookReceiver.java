package com.customerservice.clients;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * An endpoint a journey registers: it answers every delivery 204 and counts the signed ones. Bound
 * to 127.0.0.1, which a sandbox accepts as a webhook destination.
 */
final class WebhookReceiver implements AutoCloseable {
  private final HttpServer server;
  private final AtomicInteger signed = new AtomicInteger();

  private WebhookReceiver(HttpServer server) {
    this.server = server;
  }

  static WebhookReceiver start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      WebhookReceiver receiver = new WebhookReceiver(server);
      server.createContext(
          "/",
          exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
              body.readAllBytes();
            }
            if (exchange.getRequestHeaders().getFirst("webhook-signature") != null) {
              receiver.signed.incrementAndGet();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
          });
      server.start();
      return receiver;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
  }

  int signedDeliveries() {
    return signed.get();
  }

  /** Reads {@code read} until {@code done} holds (deliveries run in the background), for 30 s. */
  static <T> T eventually(Callable<T> read, Predicate<T> done) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    T value = read.call();
    while (!done.test(value)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("still not there after 30 s: " + value);
      }
      Thread.sleep(200);
      value = read.call();
    }
    return value;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
