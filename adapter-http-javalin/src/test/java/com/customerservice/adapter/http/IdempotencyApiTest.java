package com.customerservice.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerservice.adapter.http.ApiClient.Multipart;
import com.customerservice.adapter.http.ApiClient.Reply;
import com.customerservice.adapter.http.hostile.RawHttp;
import com.customerservice.domain.customer.PhoneNumber;
import com.customerservice.domain.fixtures.TestImages;
import com.customerservice.domain.idempotency.IdempotencyPolicy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Idempotency-Key over HTTP: every mutating route answers a retry with its first answer, byte for
 * byte, without running again (no second SMS, vendor job or event), and tells apart a retry that is
 * still running, a key reused for another request, and a failure worth retrying.
 */
class IdempotencyApiTest extends ApiTestSupport {
  private static final String KEY = "Idempotency-Key";

  private Reply json(String method, String path, String body, String key) {
    return api.send(
        method,
        path,
        body == null ? null : "application/json",
        body == null ? null : body.getBytes(StandardCharsets.UTF_8),
        key == null ? Map.of() : Map.of(KEY, key),
        true);
  }

  private Reply multipart(String path, Multipart body, String key) {
    return api.send("POST", path, body.contentType(), body.bytes(), Map.of(KEY, key), true);
  }

  private int events() {
    return app.events.all().size();
  }

  private static Multipart idCard() {
    return new Multipart()
        .text("doc_type", "MZ_BI")
        .file("image1", "front.jpg", "image/jpeg", TestImages.jpeg(64, 40))
        .file("image2", "back.png", "image/png", TestImages.png(64, 40));
  }

  /** Sends twice with one key: the second answer is the first, replayed, and nothing ran again. */
  private Reply replayed(Supplier<Reply> send) {
    int eventsBefore = events();
    Reply first = send.get();
    int eventsAfterFirst = events();
    Reply second = send.get();
    assertThat(first.header("Idempotent-Replayed")).isNull();
    assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(second.status()).isEqualTo(first.status());
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(second.header("Location")).isEqualTo(first.header("Location"));
    assertThat(second.header("Content-Type")).isEqualTo(first.header("Content-Type"));
    assertThat(second.header("Request-Id")).isNotEqualTo(first.header("Request-Id"));
    assertThat(events()).as("no second event").isEqualTo(eventsAfterFirst);
    assertThat(eventsAfterFirst).isGreaterThanOrEqualTo(eventsBefore);
    return first;
  }

  @Test
  void everyMutatingRouteAnswersARetryWithItsFirstAnswerAndRunsOnce() {
    // Initiate: one SMS, one session, however often the client retries.
    String initiateBody = "{\"phone_number\":\"+258840000001\"}";
    Reply started = replayed(() -> json("POST", "/v1/customers/initiate", initiateBody, "k-init"));
    assertThat(started.status()).isEqualTo(201);
    assertThat(app.sms.sent()).hasSize(1);
    String code = app.sms.lastCodeFor(new PhoneNumber("+258840000001")).orElseThrow().digits();
    String verifyBody =
        "{\"session_id\":\""
            + started.json().path("session_id").asText()
            + "\",\"verification_code\":\""
            + code
            + "\"}";
    Reply created = replayed(() -> json("POST", "/v1/customers", verifyBody, "k-verify"));
    assertThat(created.status()).isEqualTo(201);
    String id = created.json().path("customer_id").asText();
    String path = "/v1/customers/" + id;

    Reply put = replayed(() -> json("PUT", path, "{\"email\":\"jane@example.com\"}", "k-put"));
    assertThat(put.status()).isEqualTo(200);
    // A later change is not undone by a replay of the earlier PUT.
    assertThat(json("PUT", path, "{\"email\":\"new@example.com\"}", null).status()).isEqualTo(200);
    assertThat(json("PUT", path, "{\"email\":\"jane@example.com\"}", "k-put").body())
        .isEqualTo(put.body());
    assertThat(api.get(path).json().path("customer").path("email").asText())
        .isEqualTo("new@example.com");

    Multipart picture =
        new Multipart().file("image", "me.png", "image/png", TestImages.png(40, 40));
    assertThat(replayed(() -> multipart(path + "/profile/picture", picture, "k-picture")).status())
        .isEqualTo(200);

    Multipart idCard = idCard();
    Reply uploaded = replayed(() -> multipart(path + "/upload-document", idCard, "k-doc"));
    assertThat(uploaded.status()).isEqualTo(200);
    assertThat(app.kyc.documentChecks()).as("one paid vendor job").hasSize(1);

    Multipart selfie =
        new Multipart()
            .text("reference", uploaded.json().path("reference").asText())
            .file("image", "me.jpg", "image/jpeg", TestImages.jpeg(48, 64));
    assertThat(replayed(() -> multipart(path + "/upload-selfie", selfie, "k-selfie")).status())
        .isEqualTo(200);
    assertThat(app.kyc.selfieChecks()).hasSize(1);

    assertThat(replayed(() -> json("POST", path + "/kyc/reopen", null, "k-reopen")).status())
        .isEqualTo(200);

    Reply endpoint =
        replayed(
            () ->
                json(
                    "POST",
                    "/v1/webhook_endpoints",
                    "{\"url\":\"https://receiver.example.com/\",\"enabled_events\":[\"*\"]}",
                    "k-endpoint"));
    assertThat(endpoint.status()).isEqualTo(201);
    assertThat(api.get("/v1/webhook_endpoints").json().path("data").size()).isEqualTo(1);
    String endpointPath = "/v1/webhook_endpoints/" + endpoint.json().path("id").asText();
    assertThat(replayed(() -> json("DELETE", endpointPath, null, "k-endpoint-del")).status())
        .isEqualTo(200);

    assertThat(replayed(() -> json("DELETE", path, null, "k-close")).status()).isEqualTo(200);
  }

  @Test
  void withoutAKeyEachRequestRunsAsBefore() {
    String endpoint = "{\"url\":\"https://receiver.example.com/\",\"enabled_events\":[\"*\"]}";
    json("POST", "/v1/webhook_endpoints", endpoint, null);
    Reply again = json("POST", "/v1/webhook_endpoints", endpoint, null);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.header("Idempotent-Replayed")).isNull();
    assertThat(api.get("/v1/webhook_endpoints").json().path("data").size()).isEqualTo(2);
    // Safe methods ignore the header: a GET is never stored or replayed.
    String id = onboard("+258840000003");
    Reply read = api.send("GET", "/v1/customers/" + id, null, null, Map.of(KEY, "k-get"), true);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.header("Idempotent-Replayed")).isNull();
  }

  @Test
  void aKeyReusedForAnotherRequestIs422AndRunsNothing() {
    json("POST", "/v1/customers/initiate", "{\"phone_number\":\"+258840000004\"}", "k-reuse");
    Reply otherBody =
        json("POST", "/v1/customers/initiate", "{\"phone_number\":\"+258840000005\"}", "k-reuse");
    assertThat(otherBody.status()).isEqualTo(422);
    assertThat(otherBody.errorCode()).isEqualTo("idempotency_key_reused");
    assertThat(otherBody.errorParam()).isEqualTo(KEY);
    Reply otherPath = json("POST", "/v1/customers", "{\"phone_number\":\"x\"}", "k-reuse");
    assertThat(otherPath.status()).isEqualTo(422);
    assertThat(app.sms.sent()).hasSize(1);
  }

  @Test
  void aBadKeyIs400() {
    String body = "{\"phone_number\":\"+258840000006\"}";
    assertThat(json("POST", "/v1/customers/initiate", body, "").errorCode())
        .isEqualTo("idempotency_key_invalid");
    assertThat(json("POST", "/v1/customers/initiate", body, "k".repeat(256)).errorCode())
        .isEqualTo("idempotency_key_invalid");
    assertThat(json("POST", "/v1/customers/initiate", body, "k".repeat(255)).status())
        .isEqualTo(201);
    // Sent byte for byte: an HTTP client would refuse to send these values at all.
    for (String value : List.of("caf\u00e9", "tab\tinside")) {
      var raw =
          new RawHttp(server.port())
              .send(
                  "POST /v1/customers/initiate HTTP/1.1\r\nContent-Type: application/json\r\n"
                      + "Idempotency-Key: "
                      + value,
                  body.getBytes(StandardCharsets.UTF_8));
      assertThat(raw.status()).isEqualTo(400);
      assertThat(raw.json().path("error").path("code").asText())
          .as(value)
          .isEqualTo("idempotency_key_invalid");
    }
    assertThat(app.sms.sent()).hasSize(1);
  }

  @Test
  void aRetryWhileTheFirstStillRunsIs409AndThenGetsTheAnswer() throws Exception {
    String id = onboard("+258840000007");
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    app.kyc.holdDocumentReads(entered, release);
    Multipart idCard = idCard();
    String path = "/v1/customers/" + id + "/upload-document";
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<Reply> first = pool.submit(() -> multipart(path, idCard, "k-slow"));
      assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

      Reply meanwhile = multipart(path, idCard, "k-slow");
      assertThat(meanwhile.status()).isEqualTo(409);
      assertThat(meanwhile.errorCode()).isEqualTo("idempotency_key_in_use");

      release.countDown();
      Reply answered = first.get(10, TimeUnit.SECONDS);
      assertThat(answered.status()).isEqualTo(200);
      Reply retry = multipart(path, idCard, "k-slow");
      assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
      assertThat(retry.body()).isEqualTo(answered.body());
      assertThat(app.kyc.documentChecks()).hasSize(1);
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void manyConcurrentRetriesRunTheRequestOnce() throws Exception {
    String body = "{\"phone_number\":\"+258840000008\"}";
    ExecutorService pool = Executors.newFixedThreadPool(12);
    try {
      List<Callable<Reply>> tries = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        tries.add(() -> json("POST", "/v1/customers/initiate", body, "k-burst"));
      }
      List<Reply> replies = new ArrayList<>();
      for (Future<Reply> f : pool.invokeAll(tries)) {
        replies.add(f.get());
      }
      assertThat(app.sms.sent()).as("one SMS").hasSize(1);
      List<Reply> ran = replies.stream().filter(r -> r.status() == 201).toList();
      assertThat(ran).isNotEmpty();
      assertThat(ran.stream().filter(r -> r.header("Idempotent-Replayed") == null)).hasSize(1);
      assertThat(ran).allSatisfy(r -> assertThat(r.body()).isEqualTo(ran.get(0).body()));
      assertThat(replies)
          .allSatisfy(
              r ->
                  assertThat(r.status() == 201 || "idempotency_key_in_use".equals(r.errorCode()))
                      .as(r.text())
                      .isTrue());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aServerErrorIsNotKeptSoTheRetryRuns() {
    String id = onboard("+258840000009");
    Multipart idCard = idCard();
    String path = "/v1/customers/" + id + "/upload-document";
    app.kyc.setDown(true);
    Reply failed = multipart(path, idCard, "k-down");
    assertThat(failed.status()).isEqualTo(503);

    app.kyc.setDown(false);
    Reply retried = multipart(path, idCard, "k-down");
    assertThat(retried.status()).isEqualTo(200);
    assertThat(retried.header("Idempotent-Replayed")).isNull();
  }

  @Test
  void anExpiredKeyRunsAgain() {
    String body = "{\"phone_number\":\"+258840000010\"}";
    json("POST", "/v1/customers/initiate", body, "k-old");
    app.clock.advance(IdempotencyPolicy.DEFAULT_RETENTION.plusSeconds(1));
    Reply later = json("POST", "/v1/customers/initiate", body, "k-old");
    assertThat(later.status()).isEqualTo(201);
    assertThat(later.header("Idempotent-Replayed")).isNull();
    assertThat(app.sms.sent()).hasSize(2);
  }
}
