package com.customerservice.adapter.webhooks;

import static com.customerservice.adapter.webhooks.TestDeliveries.endpoint;
import static com.customerservice.adapter.webhooks.TestDeliveries.event;
import static com.customerservice.adapter.webhooks.TestDeliveries.sandboxSender;
import static org.assertj.core.api.Assertions.assertThat;

import com.customerservice.domain.webhook.DeliveryAttempt;
import com.customerservice.domain.webhook.DeliveryError;
import com.customerservice.domain.webhook.WebhookEndpoint;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Receivers that close, break or hold back their connections, on real sockets: a connection the
 * receiver closed while it sat in the pool costs no delivery; a receiver that took the request and
 * broke the answer is a failure, named, for the schedule to retry.
 */
class ReceiverConnectionsTest {
  private static final int THREADS = 8; // as several deliveries run at once in the service

  private final HttpWebhookSender sender = sandboxSender(Duration.ofSeconds(5));

  /** Sends {@code count} events to {@code endpoint} from {@link #THREADS} threads at once. */
  private List<DeliveryAttempt> sendConcurrently(WebhookEndpoint endpoint, int count)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<DeliveryAttempt>> sends =
          IntStream.range(0, count)
              .mapToObj(i -> pool.submit(() -> sender.send(endpoint, event(), Instant.now())))
              .toList();
      List<DeliveryAttempt> attempts = new ArrayList<>();
      for (Future<DeliveryAttempt> send : sends) {
        attempts.add(send.get());
      }
      return attempts;
    } finally {
      pool.shutdown();
    }
  }

  /** One delivery to {@code receiver}. */
  private DeliveryAttempt sendOnceTo(SocketReceiver receiver) {
    return sender.send(endpoint(receiver.url("/hooks")), event(), Instant.now());
  }

  @Test
  void anHttp10ReceiverThatClosesAfterEachAnswerGetsEveryDeliveryOnTheFirstTry() throws Exception {
    try (SocketReceiver receiver = SocketReceiver.http10()) {
      WebhookEndpoint endpoint = endpoint(receiver.url("/hooks"));
      List<DeliveryAttempt> attempts = new ArrayList<>();
      for (int i = 0; i < 20; i++) { // one after another: each finds the last one's connection
        attempts.add(sender.send(endpoint, event(), Instant.now()));
      }
      attempts.addAll(sendConcurrently(endpoint, 300));

      assertThat(attempts).allSatisfy(a -> assertThat(a.statusCode()).hasValue(204));
      assertThat(receiver.received()).hasSize(320); // each once: a dead socket delivers nothing
    }
  }

  @Test
  void aKeepAliveReceiverThatClosesIdleConnectionsAfterASecondGetsEveryDelivery() throws Exception {
    try (SocketReceiver receiver = SocketReceiver.closingIdleAfter(Duration.ofSeconds(1))) {
      WebhookEndpoint endpoint = endpoint(receiver.url("/hooks"));
      List<DeliveryAttempt> attempts = sendConcurrently(endpoint, 150);
      Thread.sleep(1_500); // the receiver closes every pooled connection meanwhile
      attempts.addAll(sendConcurrently(endpoint, 150));

      assertThat(attempts).allSatisfy(a -> assertThat(a.statusCode()).hasValue(204));
      assertThat(receiver.received()).hasSize(300);
    }
  }

  @Test
  void aReceiverThatTookTheRequestAndResetTheConnectionIsAFailureNotARetry() throws Exception {
    try (SocketReceiver receiver = SocketReceiver.resettingMidAnswer()) {
      DeliveryAttempt attempt = sendOnceTo(receiver);

      assertThat(attempt.delivered()).isFalse();
      assertThat(attempt.error()).contains(DeliveryError.CONNECTION_RESET);
      assertThat(receiver.received()).hasSize(1); // the schedule retries it, not the sender
    }
  }

  @Test
  void aReceiverThatClosesHalfwayThroughItsAnswerEndedTheStreamUnexpectedly() throws Exception {
    try (SocketReceiver receiver = SocketReceiver.endingMidAnswer()) {
      DeliveryAttempt attempt = sendOnceTo(receiver);

      assertThat(attempt.error()).contains(DeliveryError.UNEXPECTED_END_OF_STREAM);
      assertThat(receiver.received()).hasSize(1);
    }
  }

  @Test
  void anAnswerThatIsNotHttpIsAnInvalidResponse() throws Exception {
    try (SocketReceiver receiver = SocketReceiver.answeringGarbage()) {
      DeliveryAttempt attempt = sendOnceTo(receiver);

      assertThat(attempt.error()).contains(DeliveryError.INVALID_RESPONSE);
    }
  }

  @Test
  void aReceiverAskingToWaitInSecondsOrAsADateSaysHowLong() throws Exception {
    try (SocketReceiver seconds = SocketReceiver.busyOnFirstTry("120")) {
      DeliveryAttempt attempt = sendOnceTo(seconds);

      assertThat(attempt.statusCode()).hasValue(503);
      assertThat(attempt.responseExcerpt()).isEqualTo("busy");
      assertThat(attempt.requestedDelay()).contains(Duration.ofSeconds(120));
    }
    Instant now = Instant.now();
    String inAnHour =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(3600).atZone(ZoneOffset.UTC));
    try (SocketReceiver date = SocketReceiver.busyOnFirstTry(inAnHour)) {
      DeliveryAttempt attempt = sender.send(endpoint(date.url("/hooks")), event(), now);

      assertThat(attempt.requestedDelay().orElseThrow())
          .isBetween(Duration.ofSeconds(3590), Duration.ofSeconds(3600));
    }
  }
}
