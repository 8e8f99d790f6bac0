package com.customerservice.adapter.webhooks;

import com.customerservice.domain.error.InvalidValueException;
import com.customerservice.domain.event.CustomerEvent;
import com.customerservice.domain.port.WebhookSender;
import com.customerservice.domain.webhook.DeliveryAttempt;
import com.customerservice.domain.webhook.DeliveryError;
import com.customerservice.domain.webhook.EndpointUrl;
import com.customerservice.domain.webhook.WebhookEndpoint;
import java.io.IOException;
import java.net.Proxy;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Delivers events as Standard Webhooks 1.0 requests: a POST of the event's JSON with {@code
 * webhook-id} (the event id, for receivers to dedupe on), {@code webhook-timestamp} and {@code
 * webhook-signature}. One call is bounded as a whole (connect, send, answer and the kept part of
 * the body); redirects are not followed, no proxy is used, and connections go only to addresses
 * {@link Destinations} allows, checked on the very addresses connected to. Connections are reused;
 * one the receiver closed meanwhile is replaced ({@link StaleConnectionRetry}). What went wrong is
 * named by {@link DeliveryErrors}; a 429 or 503 says how long to wait ({@link RetryAfter}).
 */
public final class HttpWebhookSender implements WebhookSender {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final String USER_AGENT = "customer-service-webhooks/1";

  private final StaleConnectionRetry calls;
  private final Destinations destinations;
  private final Function<CustomerEvent, byte[]> payloads;

  /** How long one delivery may take in all, and whether loopback receivers are allowed. */
  public record Settings(Duration timeout, boolean allowLoopback) {
    public Settings {
      Objects.requireNonNull(timeout, "timeout");
    }

    public static Settings production() {
      return new Settings(Duration.ofSeconds(10), false);
    }

    public static Settings sandbox() {
      return new Settings(Duration.ofSeconds(10), true);
    }
  }

  /** {@code payloads} renders an event as the API shows it: the body every receiver gets. */
  public HttpWebhookSender(Settings settings, Function<CustomerEvent, byte[]> payloads) {
    this(settings, payloads, Destinations.Resolver.system());
  }

  HttpWebhookSender(
      Settings settings, Function<CustomerEvent, byte[]> payloads, Destinations.Resolver resolver) {
    this.payloads = Objects.requireNonNull(payloads, "payloads");
    this.destinations = new Destinations(resolver, settings.allowLoopback());
    this.calls =
        new StaleConnectionRetry(
            new OkHttpClient.Builder()
                .callTimeout(settings.timeout())
                .connectTimeout(settings.timeout())
                .readTimeout(settings.timeout())
                .writeTimeout(settings.timeout())
                .followRedirects(false)
                .followSslRedirects(false)
                // Retrying is decided in StaleConnectionRetry, which says why not OkHttp's.
                .retryOnConnectionFailure(false)
                .proxy(Proxy.NO_PROXY)
                .dns(destinations::resolve)
                .build());
  }

  @Override
  public void vetDestination(EndpointUrl url) {
    try {
      destinations.resolve(url.host());
    } catch (Destinations.ForbiddenDestination e) {
      throw new InvalidValueException(
          "url_forbidden",
          EndpointUrl.FIELD,
          "url resolves to a loopback, private, link-local or otherwise internal address");
    } catch (UnknownHostException e) {
      throw new InvalidValueException(
          "url_unresolvable", EndpointUrl.FIELD, "url's host name does not resolve");
    }
  }

  @Override
  public DeliveryAttempt send(WebhookEndpoint endpoint, CustomerEvent event, Instant attemptedAt) {
    byte[] body = payloads.apply(event);
    String id = event.id().value();
    long timestamp = attemptedAt.getEpochSecond();
    Request request =
        new Request.Builder()
            .url(endpoint.url().uri().toString())
            .header("webhook-id", id)
            .header("webhook-timestamp", Long.toString(timestamp))
            .header(
                "webhook-signature", WebhookSignature.sign(endpoint.secret(), id, timestamp, body))
            .header("User-Agent", USER_AGENT)
            .post(RequestBody.create(body, JSON))
            .build();
    long started = System.nanoTime();
    try {
      // OkHttp does not ask the resolver about an IP literal: check it here.
      destinations.resolve(endpoint.url().host());
      try (Response response = calls.execute(request)) {
        String excerpt = excerpt(response.body());
        Duration took = since(started);
        DeliveryAttempt answered =
            DeliveryAttempt.answered(attemptedAt, response.code(), took, excerpt);
        return RetryAfter.requestedBy(response, attemptedAt.plus(took))
            .map(answered::withRequestedDelay)
            .orElse(answered);
      }
    } catch (IOException e) {
      return DeliveryAttempt.failed(attemptedAt, DeliveryErrors.of(e), since(started));
    } catch (IllegalArgumentException e) {
      return DeliveryAttempt.failed(attemptedAt, DeliveryError.INVALID_URL, since(started));
    }
  }

  /** At most {@value DeliveryAttempt#MAX_EXCERPT} bytes of the answer; the rest is never read. */
  private static String excerpt(ResponseBody body) throws IOException {
    if (body == null) {
      return "";
    }
    BufferedSource source = body.source();
    source.request(DeliveryAttempt.MAX_EXCERPT);
    long available = Math.min(source.getBuffer().size(), DeliveryAttempt.MAX_EXCERPT);
    return new String(source.readByteArray(available), StandardCharsets.UTF_8);
  }

  private static Duration since(long startedNanos) {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }
}
