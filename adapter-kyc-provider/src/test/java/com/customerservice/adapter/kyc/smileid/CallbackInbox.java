package com.customerservice.adapter.kyc.smileid;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Where the fake Smile ID posts its callbacks in tests: our service's callback route, reduced to
 * keeping what arrives. The fake posts before it answers, so a callback is here by the time the
 * call that completed its job returns.
 */
final class CallbackInbox implements AutoCloseable {
  private final List<FakeSmileId.Callback> received = new CopyOnWriteArrayList<>();
  private final HttpServer server;

  CallbackInbox() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/v1/kyc/callbacks/smile_id",
        exchange -> {
          received.add(new FakeSmileId.Callback(exchange.getRequestBody().readAllBytes()));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/kyc/callbacks/smile_id";
  }

  /** The last callback about {@code jobId}, if one came. */
  Optional<FakeSmileId.Callback> about(String jobId) {
    Optional<FakeSmileId.Callback> last = Optional.empty();
    for (FakeSmileId.Callback callback : received) {
      if (callback.json().path("PartnerParams").path("job_id").asText().equals(jobId)) {
        last = Optional.of(callback);
      }
    }
    return last;
  }

  List<FakeSmileId.Callback> received() {
    return List.copyOf(received);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
