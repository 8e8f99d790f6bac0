package com.customerservice.adapter.webhooks;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A webhook receiver on bare sockets, on loopback, so a test controls what real servers do on the
 * wire that HTTP libraries hide: close after answering, close idle connections, break an answer
 * halfway, ask to be left alone. Records each request it read in full.
 */
public final class SocketReceiver implements AutoCloseable {
  /** One request as it arrived: its {@code webhook-id}, the how-manieth with that id, when. */
  public record Request(String webhookId, int nth, Instant at) {}

  /** What the receiver does with a request it has read, on its connection. */
  private interface Behaviour {
    /** Answers {@code request}; false to close the connection afterwards. */
    boolean answer(Request request, Socket socket, OutputStream out) throws IOException;
  }

  private static final String NO_CONTENT_11 = "HTTP/1.1 204 No Content\r\n\r\n";
  private static final String HALF_AN_ANSWER =
      "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 64\r\n\r\nhalf";
  private static final Duration PATIENT = Duration.ofMinutes(1);

  private final ServerSocket server;
  private final Duration idleTimeout;
  private final Behaviour behaviour;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<Request> received = new ArrayList<>();
  private final List<Socket> open = new ArrayList<>();

  private SocketReceiver(Duration idleTimeout, Behaviour behaviour) throws IOException {
    this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    this.idleTimeout = idleTimeout;
    this.behaviour = behaviour;
    threads.execute(this::accept);
  }

  /**
   * An HTTP/1.0 server, as Python's {@code http.server}: answers 204 and closes the connection,
   * without a {@code Connection: close} header to warn the client.
   */
  public static SocketReceiver http10() throws IOException {
    return answering("HTTP/1.0 204 No Content\r\nServer: SimpleHTTP/0.6\r\n\r\n", false, PATIENT);
  }

  /** A keep-alive (HTTP/1.1) server that closes a connection once it has been idle {@code idle}. */
  public static SocketReceiver closingIdleAfter(Duration idle) throws IOException {
    return answering(NO_CONTENT_11, true, idle);
  }

  /** Reads each request, starts a 200 answer, then closes the connection (FIN) halfway. */
  public static SocketReceiver endingMidAnswer() throws IOException {
    return answering(HALF_AN_ANSWER, false, PATIENT);
  }

  /** Answers something that is not HTTP. */
  public static SocketReceiver answeringGarbage() throws IOException {
    return answering("SSH-2.0-OpenSSH_9.6\r\n\r\n", false, PATIENT);
  }

  /** Reads each request, starts a 200 answer, then resets the connection (RST) halfway. */
  public static SocketReceiver resettingMidAnswer() throws IOException {
    return new SocketReceiver(
        PATIENT,
        (request, socket, out) -> {
          out.write(ascii(HALF_AN_ANSWER));
          out.flush();
          socket.setSoLinger(true, 0); // close with RST rather than FIN
          return false;
        });
  }

  /** Writes {@code answer} to every request, then keeps the connection or closes it. */
  private static SocketReceiver answering(String answer, boolean keepAlive, Duration idle)
      throws IOException {
    byte[] bytes = ascii(answer);
    return new SocketReceiver(
        idle,
        (request, socket, out) -> {
          out.write(bytes);
          return keepAlive;
        });
  }

  /**
   * Answers a {@code webhook-id}'s first request with 503 and {@code Retry-After: retryAfter}, and
   * every later one with 204, on keep-alive connections.
   */
  public static SocketReceiver busyOnFirstTry(String retryAfter) throws IOException {
    byte[] busy =
        ascii(
            "HTTP/1.1 503 Service Unavailable\r\nRetry-After: "
                + retryAfter
                + "\r\nContent-Length: 4\r\n\r\nbusy");
    byte[] done = ascii(NO_CONTENT_11);
    return new SocketReceiver(
        PATIENT,
        (request, socket, out) -> {
          out.write(request.nth() == 1 ? busy : done);
          return true;
        });
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /** {@code http://127.0.0.1:port} and {@code path}. */
  public String url(String path) {
    return "http://127.0.0.1:" + server.getLocalPort() + path;
  }

  public int port() {
    return server.getLocalPort();
  }

  /** Every request read in full, in the order they arrived. */
  public synchronized List<Request> received() {
    return List.copyOf(received);
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        synchronized (this) {
          open.add(socket);
        }
        threads.execute(() -> serve(socket));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      socket.setSoTimeout((int) idleTimeout.toMillis());
      InputStream in = new BufferedInputStream(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      boolean keepOpen = true;
      while (keepOpen) {
        Map<String, String> headers = readHead(in);
        if (headers == null) {
          return; // the client closed the connection
        }
        in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
        Request request = record(headers.getOrDefault("webhook-id", ""));
        keepOpen = behaviour.answer(request, socket, out);
        out.flush();
      }
    } catch (SocketTimeoutException e) {
      // idle for idleTimeout: close, as keep-alive servers do
    } catch (IOException e) {
      // the client went away; nothing to answer
    }
  }

  /** Waits until {@code count} requests have arrived; fails after {@code limit}. */
  public synchronized List<Request> await(int count, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (received.size() < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("the receiver got only " + received.size() + " requests");
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return List.copyOf(received);
  }

  private synchronized Request record(String webhookId) {
    int earlier = (int) received.stream().filter(r -> r.webhookId().equals(webhookId)).count();
    Request request = new Request(webhookId, earlier + 1, Instant.now());
    received.add(request);
    notifyAll();
    return request;
  }

  /** The request line and headers (names lower-cased), or null at the end of the stream. */
  private static Map<String, String> readHead(InputStream in) throws IOException {
    Map<String, String> headers = new HashMap<>();
    String line = readLine(in);
    if (line == null) {
      return null;
    }
    while ((line = readLine(in)) != null && !line.isEmpty()) {
      int colon = line.indexOf(':');
      headers.put(
          line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
          line.substring(colon + 1).trim());
    }
    return headers;
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != '\n') {
      if (b == -1) {
        return line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII);
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() throws IOException {
    server.close();
    synchronized (this) {
      for (Socket socket : open) {
        socket.close();
      }
    }
    threads.shutdownNow();
  }
}
