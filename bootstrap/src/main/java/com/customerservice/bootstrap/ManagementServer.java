package com.customerservice.bootstrap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * The operator's port ({@code MANAGEMENT_PORT}): {@code /metrics}, {@code /health/live} and {@code
 * /health/ready}, apart from the API, so that a firewall can keep scrapes and probes inside the
 * cluster. The JDK's own HTTP server is enough for three read-only paths.
 */
final class ManagementServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;

  private ManagementServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  static ManagementServer start(String host, int port, Metrics metrics, BooleanSupplier ready) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 16);
      server.createContext(
          "/metrics", exchange -> answer(exchange, 200, Metrics.SCRAPE_TYPE, metrics.scrape()));
      server.createContext(
          "/health/live",
          exchange -> answer(exchange, 200, "application/json", "{\"status\":\"ok\"}"));
      server.createContext(
          "/health/ready",
          exchange -> {
            boolean isReady = ready.getAsBoolean();
            answer(
                exchange,
                isReady ? 200 : 503,
                "application/json",
                isReady ? "{\"status\":\"ready\"}" : "{\"status\":\"not_ready\"}");
          });
      ExecutorService executor = Executors.newFixedThreadPool(2);
      server.setExecutor(executor);
      server.start();
      return new ManagementServer(server, executor);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on the management port " + port, e);
    }
  }

  private static void answer(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod())
          || !exchange.getRequestURI().getPath().equals(exchange.getHttpContext().getPath())) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
