package com.customerservice.adapter.webhooks;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Proxy;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.ConnectionPool;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Runs a request on a pooled connection when one is idle, and replaces that connection, once, by a
 * new one when it turns out the receiver had already closed it.
 *
 * <p>Receivers close connections: HTTP/1.0 servers after every answer (without saying so), Node
 * after 5 s idle, load balancers after theirs. OkHttp probes a pooled connection only after 10 s
 * idle, so sooner the request goes out on a dead socket and fails before any answer. OkHttp's
 * {@code retryOnConnectionFailure} would retry that, but also a POST that failed after it was sent
 * on a new connection whenever the host has another address: a receiver that took the request and
 * broke must keep its failed try in the log, retried by the schedule. Hence a narrower rule: a
 * request whose reused connection failed before the answer's headers (not a timeout, not a
 * malformed answer) goes again on a connection opened for it, within the call's remaining time. Had
 * the receiver taken it after all, it gets it twice, as at-least-once delivery allows.
 */
final class StaleConnectionRetry {
  private final OkHttpClient pooled;
  private final OkHttpClient fresh;

  StaleConnectionRetry(OkHttpClient client) {
    this.pooled =
        client
            .newBuilder()
            .eventListenerFactory(
                call -> {
                  Exchange exchange = call.request().tag(Exchange.class);
                  return exchange == null ? EventListener.NONE : exchange;
                })
            .build();
    // No idle connection is ever kept here, so every call opens a new one.
    this.fresh =
        client.newBuilder().connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS)).build();
  }

  /** The receiver's answer, its headers read; the caller reads the body and closes it. */
  Response execute(Request request) throws IOException {
    Exchange exchange = new Exchange();
    long started = System.nanoTime();
    Call first = pooled.newCall(request.newBuilder().tag(Exchange.class, exchange).build());
    try {
      return first.execute();
    } catch (IOException e) {
      long left = first.timeout().timeoutNanos() - (System.nanoTime() - started);
      if (!exchange.brokeOnReuse(e) || left <= 0) {
        throw e;
      }
      Call second = fresh.newCall(request);
      second.timeout().timeout(left, TimeUnit.NANOSECONDS);
      return second.execute();
    }
  }

  /** What happened to one call's connection, as OkHttp reports it on the calling thread. */
  private static final class Exchange extends EventListener {
    private boolean acquired;
    private boolean opened;
    private boolean answered;

    @Override
    public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
      opened = true;
    }

    @Override
    public void connectionAcquired(Call call, Connection connection) {
      acquired = true;
    }

    @Override
    public void responseHeadersEnd(Call call, Response response) {
      answered = true;
    }

    /** Whether a pooled connection failed before any answer, in a way a dead socket fails. */
    boolean brokeOnReuse(IOException e) {
      return acquired
          && !opened
          && !answered
          && !(e instanceof InterruptedIOException)
          && !(e instanceof ProtocolException)
          && !(e instanceof SSLException);
    }
  }
}
