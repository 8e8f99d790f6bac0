package com.customerservice.adapter.kyc.smileid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * The three calls of Smile ID's v1 job flow, each bounded by timeouts, retried on transient
 * failures with jittered exponential backoff, and guarded by one circuit breaker: {@code POST
 * upload} (announces a job, answers where to put its images), {@code PUT} of the job's zip to that
 * address, and {@code POST job_status}. Every body is signed.
 *
 * <p>A retry repeats the same request, job id included: Smile ID creates one job per job id, and
 * only the uploaded zip starts (and bills) the job, so a retry never pays or decides twice.
 */
final class SmileIdApi {
  /** Smile ID's answer to an upload whose job id exists: "did you mean to set retry to true". */
  static final String JOB_EXISTS = "2215";

  /** What {@code POST upload} answers: where to put the job's zip. */
  record Announced(URI uploadUrl, String smileJobId) {}

  private final SmileIdSettings settings;
  private final SmileIdSignature signature;
  private final Clock clock;
  private final ObjectMapper json;
  private final HttpClient http;
  private final Retry retry;
  private final CircuitBreaker breaker;

  SmileIdApi(
      SmileIdSettings settings,
      SmileIdSignature signature,
      Clock clock,
      ObjectMapper json,
      CircuitBreaker breaker) {
    this.settings = settings;
    this.signature = signature;
    this.clock = clock;
    this.json = json;
    this.breaker = breaker;
    this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
    this.retry =
        Retry.of(
            "smile-id",
            RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .intervalFunction(
                    IntervalFunction.ofExponentialRandomBackoff(
                        settings.initialBackoff(), 2.0, 0.5))
                .retryOnException(e -> e instanceof VendorFailure f && f.isTransient())
                .build());
  }

  /** A breaker that opens when half of the last twenty calls (ten at least) failed transiently. */
  static CircuitBreaker circuitBreaker(SmileIdSettings settings) {
    return CircuitBreaker.of(
        "smile-id",
        CircuitBreakerConfig.custom()
            .slidingWindowSize(20)
            .minimumNumberOfCalls(10)
            .failureRateThreshold(50)
            .waitDurationInOpenState(settings.openCircuitFor())
            .permittedNumberOfCallsInHalfOpenState(2)
            .recordException(e -> e instanceof VendorFailure f && f.isTransient())
            .build());
  }

  Announced announce(ObjectNode partnerParams) {
    ObjectNode body = signedBody();
    body.put("file_name", JobPackage.FILE_NAME);
    body.put("smile_client_id", settings.partnerId());
    body.set("partner_params", partnerParams);
    body.putObject("model_parameters");
    body.put("callback_url", settings.callbackUrl());
    body.put("source_sdk", "java");
    body.put("source_sdk_version", "customer-service");
    JsonNode answer;
    try {
      answer = resilient(() -> postJson("upload", body));
    } catch (VendorFailure e) {
      if (!e.hasVendorCode(JOB_EXISTS)) {
        throw e;
      }
      // An earlier try created the job but its answer was lost: Smile ID's own clients resend
      // with the retry flag, which answers the same job's upload URL instead of refusing it.
      body.put("retry", true);
      answer = resilient(() -> postJson("upload", body));
    }
    String uploadUrl = answer.path("upload_url").asText("");
    if (uploadUrl.isEmpty()) {
      throw VendorFailure.refusal("upload: no upload_url in Smile ID's answer");
    }
    return new Announced(URI.create(uploadUrl), answer.path("smile_job_id").asText(""));
  }

  void upload(URI uploadUrl, byte[] zip) {
    resilient(
        () -> {
          HttpRequest request =
              HttpRequest.newBuilder(uploadUrl)
                  .timeout(settings.requestTimeout())
                  .header("Content-Type", "application/zip")
                  .PUT(HttpRequest.BodyPublishers.ofByteArray(zip))
                  .build();
          send("zip upload", request);
          return null;
        });
  }

  JsonNode jobStatus(String userId, String jobId) {
    ObjectNode body = signedBody();
    body.put("partner_id", settings.partnerId());
    body.put("user_id", userId);
    body.put("job_id", jobId);
    body.put("image_links", false);
    body.put("history", false);
    return resilient(() -> postJson("job_status", body));
  }

  ObjectNode signedBody() {
    SmileIdSignature.Signed signed = signature.sign(clock.instant());
    ObjectNode body = json.createObjectNode();
    body.put("timestamp", signed.timestamp());
    body.put("signature", signed.signature());
    return body;
  }

  private <T> T resilient(Supplier<T> call) {
    return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, call)).get();
  }

  private JsonNode postJson(String operation, ObjectNode body) {
    HttpRequest request;
    try {
      request =
          HttpRequest.newBuilder(settings.baseUrl().resolve(operation))
              .timeout(settings.requestTimeout())
              .header("Content-Type", "application/json")
              .header("Accept", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
              .build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a Smile ID request", e);
    }
    String answer = send(operation, request);
    try {
      JsonNode parsed = json.readTree(answer);
      if (parsed == null || !parsed.isObject()) {
        throw VendorFailure.transientFailure(operation + ": the answer is not a JSON object", null);
      }
      return parsed;
    } catch (JsonProcessingException e) {
      throw VendorFailure.transientFailure(operation + ": malformed or truncated answer", null);
    }
  }

  private String send(String operation, HttpRequest request) {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw VendorFailure.transientFailure(
          operation + ": " + e.getClass().getSimpleName() + " talking to Smile ID", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw VendorFailure.refusal(operation + ": interrupted");
    }
    int status = response.statusCode();
    if (status / 100 == 2) {
      return response.body();
    }
    String code = vendorCode(response.body());
    String reason =
        operation + ": HTTP " + status + (code.isEmpty() ? "" : " (Smile ID code " + code + ")");
    if (status == 429 || status >= 500) {
      throw VendorFailure.transientFailure(reason, null);
    }
    throw VendorFailure.refusal(reason, code);
  }

  /** Smile ID's own error code (e.g. {@code 2204}), which carries no customer data; or empty. */
  private String vendorCode(String body) {
    try {
      JsonNode error = json.readTree(body);
      String code = error == null ? "" : error.path("code").asText("");
      return code.matches("[0-9]{1,6}") ? code : "";
    } catch (JsonProcessingException e) {
      return "";
    }
  }
}
