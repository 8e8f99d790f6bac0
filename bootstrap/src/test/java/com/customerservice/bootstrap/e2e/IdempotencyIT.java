package com.customerservice.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerservice.adapter.persistence.TestDatabase;
import com.customerservice.bootstrap.MultipartBodies;
import com.customerservice.bootstrap.ServiceProcess;
import com.customerservice.domain.fixtures.TestImages;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Idempotency keys across instances and across a crash: they live in PostgreSQL, so a retry that
 * reaches another instance is answered from the first; a runner killed mid-request holds its key
 * only until its claim lapses, then a retry runs the request again.
 */
class IdempotencyIT {
  private static final String INITIATE = "/v1/customers/initiate";
  private static final Duration CLAIM = Duration.ofSeconds(12);

  @Test
  void twoInstancesShareKeys(@TempDir Path dir) throws Exception {
    Map<String, String> env = RunningService.sandboxOnFreshSchema(dir);
    try (RunningService a = RunningService.start(env);
        RunningService b = RunningService.start(env)) {
      String body = "{\"phone_number\":\"+258841220001\"}";
      var first = a.post(INITIATE, body, Map.of("Idempotency-Key", "k-shared"));
      var retry = b.post(INITIATE, body, Map.of("Idempotency-Key", "k-shared"));
      assertThat(first.status()).isEqualTo(201);
      assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
      assertThat(retry.raw().body()).isEqualTo(first.raw().body());

      // Many at once on both instances: the request runs once, every 201 is the same session.
      String burst = "{\"phone_number\":\"+258841220002\"}";
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<RunningService.Reply>> replies = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
          RunningService target = i % 2 == 0 ? a : b;
          replies.add(
              pool.submit(
                  () -> target.post(INITIATE, burst, Map.of("Idempotency-Key", "k-burst"))));
        }
        List<JsonNode> created = new ArrayList<>();
        int ran = 0;
        for (Future<RunningService.Reply> f : replies) {
          var reply = f.get(30, TimeUnit.SECONDS);
          if (reply.status() == 201) {
            created.add(reply.json());
            ran += reply.header("Idempotent-Replayed") == null ? 1 : 0;
          } else {
            assertThat(reply.status()).isEqualTo(409);
            assertThat(reply.json().path("error").path("code").asText())
                .isEqualTo("idempotency_key_in_use");
          }
        }
        assertThat(ran).isEqualTo(1);
        assertThat(created)
            .extracting(j -> j.path("session_id").asText())
            .containsOnly(created.get(0).path("session_id").asText());
      } finally {
        pool.shutdownNow();
      }
    }
  }

  /**
   * A selfie whose KYC vendor never answers, with its instance killed (-9) mid-request: the next
   * instance answers the retry 409 while the dead runner's claim lasts (IDEMPOTENCY_CLAIM_SECONDS),
   * then runs the request again.
   */
  @Test
  void aRunnerKilledMidRequestHoldsItsKeyOnlyUntilItsClaimLapses(@TempDir Path dir)
      throws Exception {
    List<Socket> held = new CopyOnWriteArrayList<>();
    CountDownLatch vendorCalled = new CountDownLatch(1);
    try (ServerSocket silentVendor = new ServerSocket(0)) {
      Thread accepting =
          new Thread(
              () -> {
                while (!silentVendor.isClosed()) {
                  try {
                    held.add(silentVendor.accept()); // accepted, never answered
                    vendorCalled.countDown();
                  } catch (java.io.IOException closed) {
                    return;
                  }
                }
              });
      accepting.setDaemon(true);
      accepting.start();
      Map<String, String> env = new HashMap<>();
      env.put("DATABASE_URL", TestDatabase.freshSchemaUrl());
      env.put("DATA_DIR", dir.resolve("data").toString());
      // Longer than a restart takes here, so that the retry meets the dead runner's claim.
      env.put("IDEMPOTENCY_CLAIM_SECONDS", Long.toString(CLAIM.toSeconds()));
      env.put("KYC_PROVIDER", "smile_id");
      env.put("SMILE_ID_PARTNER_ID", "2345");
      env.put("SMILE_ID_API_KEY", "an-api-key-for-tests");
      env.put("SMILE_ID_BASE_URL", "http://127.0.0.1:" + silentVendor.getLocalPort() + "/v1/");
      HttpClient http = HttpClient.newHttpClient();

      ServiceProcess first = ServiceProcess.start(dir, env);
      String selfiePath;
      String reference;
      byte[] selfie;
      long claimedAt;
      String boundary = "----idempotency-e2e";
      CompletableFuture<HttpResponse<String>> hanging;
      try {
        String id = onboard(http, first.origin(), "+258841220003");
        JsonNode document =
            json(
                http,
                multipart(
                    first.origin() + "/v1/customers/" + id + "/upload-document",
                    boundary,
                    Map.of("doc_type", "MZ_BI"),
                    Map.of(
                        "image1", TestImages.jpeg(400, 260), "image2", TestImages.jpeg(400, 260)),
                    null));
        selfiePath = "/v1/customers/" + id + "/upload-selfie";
        reference = document.path("reference").asText();
        selfie = TestImages.jpeg(300, 400);
        hanging =
            http.sendAsync(
                multipart(
                    first.origin() + selfiePath,
                    boundary,
                    Map.of("reference", reference),
                    Map.of("image", selfie),
                    "k-selfie"),
                HttpResponse.BodyHandlers.ofString());
        claimedAt = System.nanoTime();
        assertThat(vendorCalled.await(30, TimeUnit.SECONDS)).as("the vendor was called").isTrue();
      } finally {
        first.kill();
      }
      assertThat(hanging.handle((r, e) -> e).get(10, TimeUnit.SECONDS)).isNotNull();
      silentVendor.close();

      // The vendor is now unreachable (its port closed): a request that runs answers 503.
      try (ServiceProcess second = ServiceProcess.start(dir, env)) {
        HttpResponse<String> meanwhile =
            retry(http, second.origin(), selfiePath, boundary, reference, selfie);
        assertThat(System.nanoTime() - claimedAt)
            .as("the restart took longer than the claim; raise CLAIM")
            .isLessThan(CLAIM.minusSeconds(1).toNanos());
        assertThat(meanwhile.statusCode()).as(meanwhile.body()).isEqualTo(409);
        assertThat(meanwhile.body()).contains("idempotency_key_in_use");
        HttpResponse<String> ranAgain = meanwhile;
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (ranAgain.statusCode() == 409 && System.nanoTime() < deadline) {
          Thread.sleep(250);
          ranAgain = retry(http, second.origin(), selfiePath, boundary, reference, selfie);
        }
        assertThat(System.nanoTime() - claimedAt).isGreaterThanOrEqualTo(CLAIM.toNanos());
        assertThat(ranAgain.statusCode()).as(ranAgain.body()).isEqualTo(503);
        assertThat(ranAgain.body()).contains("kyc_provider_unavailable");
        assertThat(ranAgain.headers().firstValue("Idempotent-Replayed")).isEmpty();
      }
    } finally {
      for (Socket s : held) {
        s.close();
      }
    }
  }

  private static HttpResponse<String> retry(
      HttpClient http, String origin, String path, String boundary, String reference, byte[] selfie)
      throws Exception {
    return http.send(
        multipart(
            origin + path,
            boundary,
            Map.of("reference", reference),
            Map.of("image", selfie),
            "k-selfie"),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String onboard(HttpClient http, String origin, String phone) throws Exception {
    JsonNode started = json(http, post(origin + INITIATE, "{\"phone_number\":\"" + phone + "\"}"));
    return json(
            http,
            post(
                origin + "/v1/customers",
                "{\"session_id\":\""
                    + started.path("session_id").asText()
                    + "\",\"verification_code\":\""
                    + started.path("otp").asText()
                    + "\"}"))
        .path("customer_id")
        .asText();
  }

  private static HttpRequest post(String url, String json) {
    return HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  private static HttpRequest multipart(
      String url,
      String boundary,
      Map<String, String> fields,
      Map<String, byte[]> files,
      String key) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", MultipartBodies.contentType(boundary))
            .POST(
                HttpRequest.BodyPublishers.ofByteArray(
                    MultipartBodies.of(boundary, fields, files)));
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return request.build();
  }

  private static JsonNode json(HttpClient http, HttpRequest request) throws Exception {
    return RunningService.JSON.readTree(
        http.send(request, HttpResponse.BodyHandlers.ofString()).body());
  }
}
