package com.customerservice.bootstrap.e2e;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import io.javalin.Javalin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A receiver of webhooks on loopback, as a client team would write one: {@code /hooks} records each
 * delivery (and can be told to fail the first ones), {@code /hang} never answers.
 */
final class WebhookReceiver implements AutoCloseable {
  /** One delivery as it arrived. */
  record Delivery(Map<String, List<String>> headers, String body) {
    String webhookId() {
      return headers.get("webhook-id").get(0);
    }

    /** Whether the Standard Webhooks library accepts the signature under {@code secret}. */
    boolean verifiesWith(String secret) {
      try {
        new Webhook(secret).verify(body, headers);
        return true;
      } catch (WebhookVerificationException e) {
        return false;
      }
    }
  }

  private final List<Delivery> received = new ArrayList<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private final CountDownLatch released = new CountDownLatch(1);
  private final Javalin server;

  private WebhookReceiver(int port) {
    server =
        Javalin.create(
                config -> {
                  config.startup.showJavalinBanner = false;
                  config.routes.post(
                      "/hooks",
                      ctx -> {
                        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                          ctx.status(503).result("busy");
                          return;
                        }
                        record(
                            new Delivery(
                                ctx.headerMap().entrySet().stream()
                                    .collect(
                                        Collectors.toMap(
                                            e -> e.getKey().toLowerCase(Locale.ROOT),
                                            e -> List.of(e.getValue()))),
                                ctx.body()));
                        ctx.status(204);
                      });
                  config.routes.post(
                      "/hang",
                      ctx -> {
                        released.await(60, TimeUnit.SECONDS);
                        ctx.status(200);
                      });
                })
            .start("127.0.0.1", port);
  }

  static WebhookReceiver start() {
    return new WebhookReceiver(0);
  }

  static WebhookReceiver startOn(int port) {
    return new WebhookReceiver(port);
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  void failFirst(int count) {
    failuresLeft.set(count);
  }

  private synchronized void record(Delivery delivery) {
    received.add(delivery);
    notifyAll();
  }

  synchronized List<Delivery> received() {
    return List.copyOf(received);
  }

  /** Waits until the deliveries received satisfy {@code condition}; fails after {@code limit}. */
  synchronized List<Delivery> await(Predicate<List<Delivery>> condition, Duration limit)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.test(received)) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("the receiver got only " + received.size() + " deliveries");
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return List.copyOf(received);
  }

  @Override
  public void close() {
    released.countDown();
    server.stop();
  }
}
