package com.customerservice.adapter.webhooks;

import static com.customerservice.adapter.webhooks.TestDeliveries.BODY;
import static com.customerservice.adapter.webhooks.TestDeliveries.RANDOM;
import static com.customerservice.adapter.webhooks.TestDeliveries.endpoint;
import static com.customerservice.adapter.webhooks.TestDeliveries.event;
import static com.customerservice.adapter.webhooks.TestDeliveries.sandboxSender;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.customerservice.domain.error.InvalidValueException;
import com.customerservice.domain.event.CustomerEvent;
import com.customerservice.domain.webhook.DeliveryAttempt;
import com.customerservice.domain.webhook.DeliveryError;
import com.customerservice.domain.webhook.EndpointUrl;
import com.customerservice.domain.webhook.WebhookEndpoint;
import com.customerservice.domain.webhook.WebhookSecret;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import io.javalin.Javalin;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Deliveries against a receiver on loopback, and the destination rules of production. */
class HttpWebhookSenderTest {
  private record Received(String path, Map<String, List<String>> headers, String body) {}

  private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
  private final AtomicInteger redirectTargetHits = new AtomicInteger();
  private final CountDownLatch release = new CountDownLatch(1);
  private Javalin receiver;

  @AfterEach
  void stop() {
    release.countDown();
    if (receiver != null) {
      receiver.stop();
    }
  }

  private String startReceiver() {
    receiver =
        Javalin.create(
                config -> {
                  config.routes.post(
                      "/hooks",
                      ctx -> {
                        received.add(
                            new Received(
                                ctx.path(),
                                ctx.headerMap().entrySet().stream()
                                    .collect(
                                        Collectors.toMap(
                                            e -> e.getKey().toLowerCase(Locale.ROOT),
                                            e -> List.of(e.getValue()))),
                                ctx.body()));
                        ctx.status(204);
                      });
                  config.routes.post(
                      "/failing", ctx -> ctx.status(500).result("{\"error\":\"database down\"}"));
                  config.routes.post(
                      "/redirect", ctx -> ctx.status(302).header("Location", "/redirect-target"));
                  config.routes.post(
                      "/redirect-target",
                      ctx -> {
                        redirectTargetHits.incrementAndGet();
                        ctx.status(200);
                      });
                  config.routes.post(
                      "/huge",
                      ctx -> ctx.status(200).contentType("text/plain").result(endless(100L << 20)));
                  config.routes.post(
                      "/silent",
                      ctx -> {
                        release.await(30, TimeUnit.SECONDS);
                        ctx.status(200);
                      });
                })
            .start("127.0.0.1", 0);
    return "http://127.0.0.1:" + receiver.port();
  }

  /** A body of {@code size} bytes that is never held in memory. */
  private static InputStream endless(long size) {
    return new InputStream() {
      private long left = size;

      @Override
      public int read() {
        return left-- > 0 ? 'x' : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (left <= 0) {
          return -1;
        }
        int n = (int) Math.min(len, left);
        java.util.Arrays.fill(b, off, off + n, (byte) 'x');
        left -= n;
        return n;
      }
    };
  }

  @Test
  void aReceiverVerifiesTheSignatureWithTheStandardWebhooksLibrary() throws Exception {
    WebhookEndpoint endpoint = endpoint(startReceiver() + "/hooks");
    CustomerEvent event = event();

    DeliveryAttempt attempt =
        sandboxSender(Duration.ofSeconds(5)).send(endpoint, event, Instant.now());

    assertThat(attempt.delivered()).isTrue();
    assertThat(attempt.statusCode()).hasValue(204);
    Received got = received.poll();
    assertThat(got.headers().get("webhook-id")).containsExactly(event.id().value());
    assertThat(got.headers().get("content-type").get(0)).startsWith("application/json");
    Webhook verifier = new Webhook(endpoint.secret().reveal());
    verifier.verify(got.body(), got.headers()); // throws if the signature is wrong

    assertThatThrownBy(
            () -> verifier.verify(got.body().replace("created", "closed"), got.headers()))
        .isInstanceOf(WebhookVerificationException.class);
    assertThatThrownBy(
            () ->
                new Webhook(WebhookSecret.generate(RANDOM).reveal())
                    .verify(got.body(), got.headers()))
        .isInstanceOf(WebhookVerificationException.class);
  }

  @Test
  void aFailingReceiverIsReportedWithItsStatusAndTheStartOfItsAnswer() {
    DeliveryAttempt attempt =
        sandboxSender(Duration.ofSeconds(5))
            .send(endpoint(startReceiver() + "/failing"), event(), Instant.now());
    assertThat(attempt.delivered()).isFalse();
    assertThat(attempt.statusCode()).hasValue(500);
    assertThat(attempt.responseExcerpt()).isEqualTo("{\"error\":\"database down\"}");
  }

  @Test
  void aRedirectIsAnAnswerNotAPlaceToGo() {
    DeliveryAttempt attempt =
        sandboxSender(Duration.ofSeconds(5))
            .send(endpoint(startReceiver() + "/redirect"), event(), Instant.now());
    assertThat(attempt.statusCode()).hasValue(302);
    assertThat(attempt.delivered()).isFalse();
    assertThat(redirectTargetHits).hasValue(0);
  }

  @Test
  void aHundredMegabyteAnswerIsCutAfterOneKibibyte() {
    DeliveryAttempt attempt =
        sandboxSender(Duration.ofSeconds(5))
            .send(endpoint(startReceiver() + "/huge"), event(), Instant.now());
    assertThat(attempt.statusCode()).hasValue(200);
    assertThat(attempt.responseExcerpt()).hasSize(DeliveryAttempt.MAX_EXCERPT);
  }

  @Test
  void aReceiverThatNeverAnswersTimesOut() {
    DeliveryAttempt attempt =
        sandboxSender(Duration.ofMillis(300))
            .send(endpoint(startReceiver() + "/silent"), event(), Instant.now());
    assertThat(attempt.error()).contains(DeliveryError.TIMEOUT);
    assertThat(attempt.statusCode()).isEmpty();
  }

  @Test
  void aClosedPortIsARefusedConnection() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    DeliveryAttempt attempt =
        sandboxSender(Duration.ofSeconds(2))
            .send(endpoint("http://127.0.0.1:" + port + "/hooks"), event(), Instant.now());
    assertThat(attempt.error()).contains(DeliveryError.CONNECTION_REFUSED);
  }

  @Test
  void httpsToAReceiverThatSpeaksPlainHttpIsATlsError() {
    String plain = startReceiver().replace("http://", "https://");
    DeliveryAttempt attempt =
        sandboxSender(Duration.ofSeconds(5))
            .send(endpoint(plain + "/hooks"), event(), Instant.now());
    assertThat(attempt.error()).contains(DeliveryError.TLS_ERROR);
    assertThat(received).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://127.0.0.1/hooks",
        "https://localhost/hooks",
        "https://[::1]/hooks",
        "https://10.1.2.3/hooks",
        "https://172.16.0.9/hooks",
        "https://192.168.1.1/hooks",
        "https://169.254.169.254/latest/meta-data",
        "https://100.64.0.1/hooks",
        "https://0.0.0.0/hooks",
        "https://[fd00:ec2::254]/hooks",
        "https://[fe80::1]/hooks",
        "https://[::ffff:10.0.0.1]/hooks",
        "https://[64:ff9b::a9fe:a9fe]/hooks"
      })
  void productionRefusesInternalDestinations(String url) {
    HttpWebhookSender production =
        new HttpWebhookSender(HttpWebhookSender.Settings.production(), event -> BODY);
    assertThatThrownBy(
            () -> production.vetDestination(EndpointUrl.parse(url, EndpointUrl.Rules.production())))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.code()).isEqualTo("url_forbidden"));
    DeliveryAttempt attempt = production.send(endpoint(url), event(), Instant.now());
    assertThat(attempt.error()).contains(DeliveryError.FORBIDDEN_DESTINATION);
  }

  @Test
  void aHostThatResolvesToAPrivateAddressIsRefusedAlsoWhenDnsChangesAfterCreation()
      throws Exception {
    AtomicInteger lookups = new AtomicInteger();
    Destinations.Resolver rebinding =
        host ->
            List.of(
                lookups.getAndIncrement() == 0
                    ? InetAddress.getByAddress(host, new byte[] {93, (byte) 184, (byte) 216, 34})
                    : InetAddress.getByAddress(host, new byte[] {10, 0, 0, 5}));
    HttpWebhookSender production =
        new HttpWebhookSender(HttpWebhookSender.Settings.production(), event -> BODY, rebinding);
    String url = "https://receiver.example.com/hooks";

    production.vetDestination(EndpointUrl.parse(url, EndpointUrl.Rules.production()));
    DeliveryAttempt attempt = production.send(endpoint(url), event(), Instant.now());

    assertThat(attempt.error()).contains(DeliveryError.FORBIDDEN_DESTINATION);
  }

  @Test
  void aHostThatDoesNotResolveIsRefusedAtCreationAndFailsADelivery() {
    HttpWebhookSender production =
        new HttpWebhookSender(
            HttpWebhookSender.Settings.production(),
            event -> BODY,
            host -> {
              throw new java.net.UnknownHostException(host);
            });
    assertThatThrownBy(
            () ->
                production.vetDestination(
                    EndpointUrl.parse("https://nowhere.invalid/", EndpointUrl.Rules.production())))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.code()).isEqualTo("url_unresolvable"));
    DeliveryAttempt attempt =
        production.send(endpoint("https://nowhere.invalid/"), event(), Instant.now());
    assertThat(attempt.error()).contains(DeliveryError.DNS_FAILURE);
  }
}
