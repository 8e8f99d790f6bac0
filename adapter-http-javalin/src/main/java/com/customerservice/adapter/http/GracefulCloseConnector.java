package com.customerservice.adapter.http;

import com.customerservice.adapter.http.request.Multipart;
import io.javalin.config.JettyConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connector that closes connections gracefully. When the server answers before it has read the
 * whole request (414 and 431 before routing, a 413, a 401 on an upload) and then closes, the
 * client's unread bytes make the kernel reset the connection, and a client that writes its whole
 * request before reading (Node's {@code http.request}) loses the answer ("socket hang up"). So a
 * closing connection whose client has not finished sending is not closed at once: its output is
 * shut (the answer is complete, the client sees end of stream), then what the client still sends is
 * read and dropped, by one thread for all such connections, until the client closes its side or a
 * bound is reached:
 *
 * <ul>
 *   <li>{@link #LINGER_BYTES}: the largest request the API accepts at all, and some: a client whose
 *       upload was refused early may still be sending it, and is then still served its answer;
 *   <li>{@link #LINGER_TIME}: long enough for that on a fast network, short enough that a client
 *       which never stops sending holds nothing but a socket for a few seconds;
 *   <li>{@link #MAX_LINGERING}: connections draining at once; beyond it a connection is closed at
 *       once, as before, so a flood of closes cannot pile up descriptors.
 * </ul>
 */
final class GracefulCloseConnector extends ServerConnector {
  static final long LINGER_BYTES = Multipart.MAX_REQUEST_BYTES + 1024 * 1024;
  static final Duration LINGER_TIME = Duration.ofSeconds(5);
  static final int MAX_LINGERING = 1024;

  private static final Logger LOG = LoggerFactory.getLogger(GracefulCloseConnector.class);

  private final Drain drain = new Drain();

  private GracefulCloseConnector(Server server, ConnectionFactory factory) {
    super(server, factory);
  }

  /**
   * The connector Javalin would make (HTTP/1.1 on {@code jetty.host} and {@code jetty.port}, read
   * when the server starts), closing gracefully.
   */
  static ServerConnector listening(Server server, HttpConfiguration http, JettyConfig jetty) {
    ServerConnector connector = new GracefulCloseConnector(server, new HttpConnectionFactory(http));
    connector.setHost(jetty.host);
    connector.setPort(jetty.port);
    return connector;
  }

  @Override
  protected SocketChannelEndPoint newEndPoint(
      SocketChannel channel, ManagedSelector selector, SelectionKey key) {
    SocketChannelEndPoint endPoint =
        new SocketChannelEndPoint(channel, selector, key, getScheduler()) {
          private volatile boolean handedOver;

          @Override
          public void doClose() {
            // Whether the client still sends is not known here (Jetty marks the input shut when
            // it gives up on a request, not when the client closed): the drain finds out.
            if (drain.take(channel)) {
              handedOver = true;
              return;
            }
            super.doClose();
          }

          @Override
          public boolean isOpen() {
            return !handedOver && super.isOpen();
          }
        };
    endPoint.setIdleTimeout(getIdleTimeout());
    return endPoint;
  }

  @Override
  protected void doStart() throws Exception {
    drain.start();
    super.doStart();
  }

  @Override
  protected void doStop() throws Exception {
    try {
      super.doStop();
    } finally {
      drain.stop();
    }
  }

  /** One thread that reads and drops what closing clients still send, within the bounds. */
  private static final class Drain implements Runnable {
    private final Queue<SocketChannel> arriving = new ConcurrentLinkedQueue<>();
    private final AtomicInteger lingering = new AtomicInteger();
    private final ByteBuffer sink = ByteBuffer.allocateDirect(64 * 1024);
    private volatile Selector selector;
    private Thread thread;

    /** What a closing connection still owes: bytes it may send, and until when. */
    private static final class Budget {
      long bytes = LINGER_BYTES;
      final long deadline = System.nanoTime() + LINGER_TIME.toNanos();
    }

    synchronized void start() throws IOException {
      selector = Selector.open();
      thread = new Thread(this, "http-graceful-close");
      thread.setDaemon(true);
      thread.start();
    }

    synchronized void stop() throws InterruptedException {
      Thread running = thread;
      if (running == null) {
        return;
      }
      thread = null;
      // Interrupting a thread in select() wakes it; it then closes what it still holds.
      running.interrupt();
      running.join(LINGER_TIME.toMillis());
    }

    /** Takes {@code channel} over to close it gracefully; false when it must close at once. */
    boolean take(SocketChannel channel) {
      Selector open = selector;
      if (open == null || !channel.isOpen()) {
        return false;
      }
      if (lingering.incrementAndGet() > MAX_LINGERING) {
        lingering.decrementAndGet();
        return false;
      }
      try {
        channel.shutdownOutput();
      } catch (IOException e) {
        lingering.decrementAndGet();
        return false;
      }
      arriving.add(channel);
      open.wakeup();
      if (selector == null && arriving.remove(channel)) {
        // Stopped meanwhile: nothing will drain it.
        lingering.decrementAndGet();
        closeQuietly(channel);
      }
      return true;
    }

    @Override
    public void run() {
      try {
        while (!Thread.currentThread().isInterrupted()) {
          register();
          selector.select(200);
          Iterator<SelectionKey> ready = selector.selectedKeys().iterator();
          while (ready.hasNext()) {
            SelectionKey key = ready.next();
            ready.remove();
            read(key);
          }
          long now = System.nanoTime();
          for (SelectionKey key : selector.keys()) {
            if (key.isValid() && ((Budget) key.attachment()).deadline - now <= 0) {
              close(key);
            }
          }
        }
      } catch (IOException | RuntimeException e) {
        LOG.warn("graceful close stopped; connections now close at once", e);
      } finally {
        selector.keys().forEach(this::close);
        for (SocketChannel left; (left = arriving.poll()) != null; ) {
          closeQuietly(left);
        }
        closeQuietly(selector);
        selector = null;
      }
    }

    private void register() {
      for (SocketChannel channel; (channel = arriving.poll()) != null; ) {
        try {
          channel.register(selector, SelectionKey.OP_READ, new Budget());
        } catch (ClosedChannelException | RuntimeException e) {
          lingering.decrementAndGet();
          closeQuietly(channel);
        }
      }
    }

    private void read(SelectionKey key) {
      Budget budget = (Budget) key.attachment();
      try {
        int read;
        do {
          sink.clear();
          read = ((SocketChannel) key.channel()).read(sink);
          budget.bytes -= Math.max(read, 0);
        } while (read > 0 && budget.bytes > 0);
        if (read < 0 || budget.bytes <= 0) {
          close(key);
        }
      } catch (IOException e) {
        close(key);
      }
    }

    private void close(SelectionKey key) {
      key.cancel();
      lingering.decrementAndGet();
      closeQuietly(key.channel());
    }

    private static void closeQuietly(java.io.Closeable closeable) {
      try {
        closeable.close();
      } catch (IOException ignored) {
        // Closing is all that is left to do.
      }
    }
  }
}
