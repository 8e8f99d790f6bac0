package com.customerservice.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerservice.adapter.crypto.Keysets;
import com.customerservice.adapter.persistence.TestDatabase;
import com.customerservice.adapter.webhooks.SocketReceiver;
import com.customerservice.bootstrap.ServiceProcess;
import com.customerservice.domain.webhook.RetrySchedule;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Events reach receivers as signed webhooks from the running service: verified by an independent
 * implementation, delivered by either of two instances, and still delivered after {@code kill -9};
 * receivers that close connections, break answers or ask to wait, on real sockets.
 */
class WebhooksIT {
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private static String endpoint(RunningService service, String url, String types) {
    return createEndpoint(service, url, types).path("secret").asText();
  }

  private static JsonNode createEndpoint(RunningService service, String url, String types) {
    var created =
        service.post(
            "/v1/webhook_endpoints",
            "{\"url\":\"" + url + "\",\"enabled_events\":[" + types + "]}");
    assertThat(created.status()).as(created.json().toString()).isEqualTo(201);
    return created.json();
  }

  /** Onboards {@code count} customers from four clients at once: one event each. */
  private static void onboardConcurrently(RunningService service, int first, int count)
      throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> onboarded = new ArrayList<>();
      for (int i = first; i < first + count; i++) {
        String phone = String.format("+2588436%05d", i);
        onboarded.add(clients.submit(() -> service.onboard(phone)));
      }
      for (Future<String> customer : onboarded) {
        customer.get();
      }
    } finally {
      clients.shutdown();
    }
  }

  /** An endpoint's whole delivery log once {@code done} holds for it; fails after PATIENCE. */
  private static List<JsonNode> awaitLog(
      RunningService service, String endpoint, Predicate<List<JsonNode>> done) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (true) {
      List<JsonNode> log = new ArrayList<>();
      String token = "";
      do {
        JsonNode page =
            service
                .get(
                    "/v1/webhook_endpoints/"
                        + endpoint
                        + "/deliveries?page_size=100"
                        + (token.isEmpty() ? "" : "&page_token=" + token))
                .json();
        page.path("data").forEach(log::add);
        token = page.path("next_page_token").asText("");
      } while (!token.isEmpty());
      if (done.test(log)) {
        return log;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the delivery log never got there: " + log);
      }
      Thread.sleep(200);
    }
  }

  private static Predicate<List<JsonNode>> allDelivered(int count) {
    return log ->
        log.size() == count
            && log.stream().allMatch(d -> d.path("status").asText().equals("delivered"));
  }

  private static Instant attemptedAt(JsonNode delivery, int attempt) {
    return Instant.parse(delivery.path("attempts").get(attempt).path("attempted_at").asText());
  }

  @Test
  void receiversThatCloseTheirConnectionsGetEveryEventOnTheFirstTry(@TempDir Path dir)
      throws Exception {
    try (SocketReceiver http10 = SocketReceiver.http10();
        SocketReceiver idleClosing = SocketReceiver.closingIdleAfter(Duration.ofSeconds(1));
        RunningService service = RunningService.start(RunningService.sandboxOnFreshSchema(dir))) {
      String closing = createEndpoint(service, http10.url("/hooks"), "\"*\"").path("id").asText();
      String idle = createEndpoint(service, idleClosing.url("/hooks"), "\"*\"").path("id").asText();

      onboardConcurrently(service, 0, 150);
      http10.await(150, PATIENCE);
      idleClosing.await(150, PATIENCE);
      Thread.sleep(1_500); // the idle-closing receiver closes every connection it kept open
      onboardConcurrently(service, 150, 150);

      for (String endpoint : List.of(closing, idle)) {
        assertThat(awaitLog(service, endpoint, allDelivered(300)))
            .allSatisfy(d -> assertThat(d.path("attempts").size()).as(d.toString()).isEqualTo(1));
      }
      for (SocketReceiver receiver : List.of(http10, idleClosing)) {
        assertThat(receiver.received()).hasSize(300).allMatch(r -> r.nth() == 1);
      }
    }
  }

  @Test
  void aReceiverThatBreaksItsAnswerIsLoggedAsSuchAndRetriedOnSchedule(@TempDir Path dir)
      throws Exception {
    try (SocketReceiver resetting = SocketReceiver.resettingMidAnswer();
        RunningService service = RunningService.start(RunningService.sandboxOnFreshSchema(dir))) {
      String endpoint =
          createEndpoint(service, resetting.url("/hooks"), "\"*\"").path("id").asText();

      service.onboard("+258843370001");

      JsonNode delivery =
          awaitLog(
                  service,
                  endpoint,
                  log -> !log.isEmpty() && log.get(0).path("attempts").size() >= 2)
              .get(0);
      JsonNode first = delivery.path("attempts").get(0);
      assertThat(first.path("error").asText()).isEqualTo("connection_reset");
      assertThat(first.path("status_code").isNull()).isTrue();
      assertThat(Duration.between(attemptedAt(delivery, 0), attemptedAt(delivery, 1)))
          .isGreaterThanOrEqualTo(RetrySchedule.DELAYS.get(0));
      assertThat(resetting.received()).extracting(SocketReceiver.Request::nth).startsWith(1, 2);
    }
  }

  @Test
  void aBusyReceiverIsTriedAgainNoSoonerThanItsRetryAfter(@TempDir Path dir) throws Exception {
    Duration asked = RetrySchedule.DELAYS.get(0).plusSeconds(3);
    try (SocketReceiver busy = SocketReceiver.busyOnFirstTry(Long.toString(asked.toSeconds()));
        RunningService service = RunningService.start(RunningService.sandboxOnFreshSchema(dir))) {
      String endpoint = createEndpoint(service, busy.url("/hooks"), "\"*\"").path("id").asText();

      onboardConcurrently(service, 0, 40);

      assertThat(awaitLog(service, endpoint, allDelivered(40)))
          .allSatisfy(
              d -> {
                assertThat(d.path("attempts").size()).isEqualTo(2);
                assertThat(d.path("attempts").get(0).path("status_code").asInt()).isEqualTo(503);
                assertThat(Duration.between(attemptedAt(d, 0), attemptedAt(d, 1)))
                    .isGreaterThanOrEqualTo(asked);
              });
    }
  }

  @Test
  void aSignedDeliveryCarriesTheEventAsTheApiShowsIt(@TempDir Path dir) throws Exception {
    try (WebhookReceiver receiver = WebhookReceiver.start();
        RunningService service = RunningService.start(RunningService.sandboxOnFreshSchema(dir))) {
      String secret = endpoint(service, receiver.url("/hooks"), "\"customer.created\"");
      // A receiver that never answers holds one delivery for its timeout, and nothing else.
      endpoint(service, receiver.url("/hang"), "\"*\"");

      String customer = service.onboard("+258843330001");

      var delivery = receiver.await(got -> !got.isEmpty(), PATIENCE).get(0);
      assertThat(delivery.verifiesWith(secret)).isTrue();
      JsonNode listed = service.get("/v1/events?type=customer.created").json().path("data").get(0);
      assertThat(RunningService.JSON.readTree(delivery.body())).isEqualTo(listed);
      assertThat(listed.path("customer_id").asText()).isEqualTo(customer);
      assertThat(delivery.webhookId()).isEqualTo(listed.path("id").asText());
      assertThat(service.get("/v1/customers/" + customer).status()).isEqualTo(200);
    }
  }

  @Test
  void twoInstancesDeliverEveryEventAndLoseNone(@TempDir Path dirA, @TempDir Path dirB)
      throws Exception {
    Map<String, String> shared = RunningService.sandboxOnFreshSchema(dirA);
    byte[] hmac = new byte[32];
    new SecureRandom().nextBytes(hmac);
    shared.put("HMAC_SECRET", Base64.getEncoder().encodeToString(hmac));
    shared.put("ENCRYPTION_KEYSET", Keysets.toJson(Keysets.generate()));
    Map<String, String> second = new HashMap<>(shared);
    second.put("DATA_DIR", dirB.toString());

    try (WebhookReceiver receiver = WebhookReceiver.start();
        RunningService a = RunningService.start(shared);
        RunningService b = RunningService.start(second)) {
      String secret = endpoint(a, receiver.url("/hooks"), "\"customer.created\"");
      receiver.failFirst(3); // some tries fail and are retried, by whichever instance
      for (int i = 0; i < 10; i++) {
        a.onboard(String.format("+2588433401%02d", i));
        b.onboard(String.format("+2588433402%02d", i));
      }
      Set<String> events =
          a
              .get("/v1/events?type=customer.created&page_size=100")
              .json()
              .findValuesAsText("id")
              .stream()
              .filter(id -> id.startsWith("evt_"))
              .collect(Collectors.toSet());
      assertThat(events).hasSize(20);

      var got =
          receiver.await(
              deliveries ->
                  deliveries.stream()
                      .map(WebhookReceiver.Delivery::webhookId)
                      .collect(Collectors.toSet())
                      .containsAll(events),
              Duration.ofSeconds(60));
      assertThat(got).allSatisfy(d -> assertThat(d.verifiesWith(secret)).isTrue());
    }
  }

  @Test
  void aDeliveryWaitingForItsRetrySurvivesKillMinus9(@TempDir Path dir) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort(); // nothing listens here yet: the first try is refused
    }
    Map<String, String> env =
        Map.of(
            "DATABASE_URL",
            TestDatabase.freshSchemaUrl(),
            "DATA_DIR",
            dir.resolve("data").toString());
    HttpClient http = HttpClient.newHttpClient();
    ServiceProcess first = ServiceProcess.start(dir, env);
    String endpointId;
    try {
      JsonNode created =
          json(
              http,
              post(
                  first.origin() + "/v1/webhook_endpoints",
                  "{\"url\":\"http://127.0.0.1:" + port + "/hooks\",\"enabled_events\":[\"*\"]}"));
      endpointId = created.path("id").asText();
      onboard(http, first.origin(), "+258843350001");
      awaitAttempts(http, first.origin(), endpointId, 1);
    } finally {
      first.kill();
    }

    try (WebhookReceiver receiver = WebhookReceiver.startOn(port);
        ServiceProcess second = ServiceProcess.start(dir, env)) {
      receiver.await(got -> !got.isEmpty(), PATIENCE);
      JsonNode delivery = awaitAttempts(http, second.origin(), endpointId, 2);
      assertThat(delivery.path("status").asText()).as(delivery.toString()).isEqualTo("delivered");
      assertThat(delivery.path("attempts").get(0).path("error").asText())
          .isEqualTo("connection_refused");
      assertThat(delivery.path("attempts").get(1).path("status_code").asInt()).isEqualTo(204);
    }
  }

  private static JsonNode awaitAttempts(HttpClient http, String origin, String endpoint, int n)
      throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode data =
          json(
              http,
              HttpRequest.newBuilder(
                      URI.create(origin + "/v1/webhook_endpoints/" + endpoint + "/deliveries"))
                  .build());
      if (data.path("data").size() == 1 && data.path("data").get(0).path("attempts").size() >= n) {
        return data.path("data").get(0);
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no delivery with " + n + " attempts");
  }

  private static void onboard(HttpClient http, String origin, String phone) throws Exception {
    JsonNode started =
        json(http, post(origin + "/v1/customers/initiate", "{\"phone_number\":\"" + phone + "\"}"));
    json(
        http,
        post(
            origin + "/v1/customers",
            "{\"session_id\":\""
                + started.path("session_id").asText()
                + "\",\"verification_code\":\""
                + started.path("otp").asText()
                + "\"}"));
  }

  private static HttpRequest post(String url, String json) {
    return HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  private static JsonNode json(HttpClient http, HttpRequest request) throws Exception {
    return RunningService.JSON.readTree(
        http.send(request, HttpResponse.BodyHandlers.ofString()).body());
  }

  @Test
  void productionRefusesInternalReceiversAtCreation(@TempDir Path dir) {
    Map<String, String> env = new HashMap<>(RunningService.sandboxOnFreshSchema(dir));
    byte[] hmac = new byte[32];
    new SecureRandom().nextBytes(hmac);
    String key = "office:" + Base64.getUrlEncoder().withoutPadding().encodeToString(hmac);
    env.putAll(
        Map.of(
            "SERVICE_MODE", "production",
            "API_KEYS", key,
            "HMAC_SECRET", Base64.getEncoder().encodeToString(hmac),
            "ENCRYPTION_KEYSET", Keysets.toJson(Keysets.generate()),
            "OTP_SENDER", "twilio",
            "TWILIO_ACCOUNT_SID", "AC123",
            "TWILIO_AUTH_TOKEN", "token-value",
            "TWILIO_FROM", "+15005550006",
            "KYC_PROVIDER", "smile_id",
            "SMILE_ID_PARTNER_ID", "2345"));
    env.put("SMILE_ID_API_KEY", "smile-secret-key");
    try (RunningService service = RunningService.start(env)) {
      String bearer = "Bearer " + key.substring("office:".length());
      for (String url :
          List.of(
              "http://receiver.example.com/hooks",
              "https://127.0.0.1/hooks",
              "https://localhost/hooks",
              "https://10.0.0.8/hooks",
              "https://169.254.169.254/latest/meta-data",
              "https://[::1]/hooks")) {
        var refused =
            service.postAs(
                bearer,
                "/v1/webhook_endpoints",
                "{\"url\":\"" + url + "\",\"enabled_events\":[\"*\"]}");
        assertThat(refused.status()).as(url).isEqualTo(400);
        assertThat(refused.json().path("error").path("param").asText()).isEqualTo("url");
      }
      assertThat(service.getAs(bearer, "/v1/webhook_endpoints").json().path("data")).isEmpty();
    }
  }
}
