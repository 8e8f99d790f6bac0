package com.customerservice.adapter.kyc.vendor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One vendor's HTTP calls, each bounded by timeouts, retried on transient failures with jittered
 * exponential backoff (or after the vendor's {@code Retry-After}, when it asks for a short pause),
 * and guarded by one circuit breaker for the whole vendor: an open circuit answers at once instead
 * of queueing customers behind a dead vendor. A call that must not be repeated (it would pay for a
 * second job) goes through the breaker {@linkplain #once once}.
 */
public final class VendorHttp {
  /**
   * The longest {@code Retry-After} honoured within a call: a vendor asking for more is left alone,
   * and the call fails as an outage.
   */
  static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(5);

  private final String vendor;
  private final Duration requestTimeout;
  private final Function<String, String> errorCode;
  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http;
  private final IntervalFunction backoff;
  private final Retry retry;
  private final CircuitBreaker breaker;

  /**
   * Calls to {@code vendor} (its name as people know it, for log lines), under {@code timings};
   * {@code errorCode} reads the vendor's own error code from an error answer's body, or empty: a
   * code, never text that could hold a customer's data.
   */
  public VendorHttp(String vendor, VendorTimings timings, Function<String, String> errorCode) {
    this.vendor = vendor;
    this.requestTimeout = timings.requestTimeout();
    this.errorCode = errorCode;
    this.http = HttpClient.newBuilder().connectTimeout(timings.connectTimeout()).build();
    this.backoff = IntervalFunction.ofExponentialRandomBackoff(timings.initialBackoff(), 2.0, 0.5);
    this.retry =
        Retry.of(
            vendor,
            RetryConfig.custom()
                .maxAttempts(timings.maxAttempts())
                .intervalBiFunction(
                    (attempt, outcome) -> pauseMillis(attempt, outcome.swap().getOrNull()))
                .retryOnException(VendorHttp::worthRetrying)
                .build());
    this.breaker =
        CircuitBreaker.of(
            vendor,
            // Opens when half of the last twenty calls (ten at least) failed transiently.
            CircuitBreakerConfig.custom()
                .slidingWindowSize(20)
                .minimumNumberOfCalls(10)
                .failureRateThreshold(50)
                .waitDurationInOpenState(timings.openCircuitFor())
                .permittedNumberOfCallsInHalfOpenState(2)
                .recordException(e -> e instanceof VendorFailure f && f.isTransient())
                .build());
  }

  /**
   * Whether a call that failed with {@code e} is worth another try: a transient failure, unless the
   * vendor asked for a longer pause than a request can take.
   */
  public static boolean worthRetrying(Throwable e) {
    return e instanceof VendorFailure f
        && f.isTransient()
        && f.retryAfter().filter(pause -> pause.compareTo(MAX_RETRY_AFTER) > 0).isEmpty();
  }

  /**
   * Waits before try {@code attempt + 1} of a call the caller repeats itself, as a {@linkplain
   * #resilient retried} call would wait after {@code failure}.
   */
  public void pauseBeforeRetry(int attempt, VendorFailure failure) {
    try {
      Thread.sleep(pauseMillis(attempt, failure));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw VendorFailure.refusal("interrupted before a retry");
    }
  }

  /** The backoff after {@code attempt}, or the vendor's {@code Retry-After} if it asked longer. */
  private long pauseMillis(int attempt, Throwable failure) {
    long asked =
        failure instanceof VendorFailure f ? f.retryAfter().map(Duration::toMillis).orElse(0L) : 0L;
    return Math.max(backoff.apply(attempt), asked);
  }

  /** {@code call}, retried on transient failures, through the circuit breaker. */
  public <T> T resilient(Supplier<T> call) {
    return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, call)).get();
  }

  /** {@code call} through the circuit breaker, tried once: its failures are the caller's. */
  public <T> T once(Supplier<T> call) {
    return CircuitBreaker.decorateSupplier(breaker, call).get();
  }

  /** A request to {@code uri}, bounded by the request timeout. */
  public HttpRequest.Builder request(URI uri) {
    return HttpRequest.newBuilder(uri).timeout(requestTimeout);
  }

  /** Sends {@code request}; a 2xx answer's body, or a {@link VendorFailure}. */
  public String send(String operation, HttpRequest request) {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw VendorFailure.transientFailure(
          operation + ": " + e.getClass().getSimpleName() + " talking to " + vendor, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw VendorFailure.refusal(operation + ": interrupted");
    }
    int status = response.statusCode();
    if (status / 100 == 2) {
      return response.body();
    }
    String code = errorCode.apply(response.body() == null ? "" : response.body());
    throw VendorFailure.answered(
        operation
            + ": HTTP "
            + status
            + (code.isEmpty() ? "" : " (" + vendor + " code " + code + ")"),
        status,
        code,
        response.headers().firstValue("Retry-After").flatMap(VendorHttp::seconds));
  }

  /** {@code answer} as a JSON object; anything else is a transient failure (a truncated body). */
  public JsonNode object(String operation, String answer) {
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

  /** Whether the circuit is letting calls through (for health and tests). */
  public boolean circuitClosed() {
    return breaker.getState() == CircuitBreaker.State.CLOSED;
  }

  /** A {@code Retry-After} in seconds; its HTTP-date form is left to the backoff. */
  private static Optional<Duration> seconds(String value) {
    return value.strip().matches("[0-9]{1,6}")
        ? Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())))
        : Optional.empty();
  }
}
