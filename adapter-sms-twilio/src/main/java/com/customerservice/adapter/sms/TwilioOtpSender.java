package com.customerservice.adapter.sms;

import com.customerservice.domain.customer.PhoneNumber;
import com.customerservice.domain.error.DependencyUnavailableException;
import com.customerservice.domain.port.OtpSender;
import com.customerservice.domain.verification.OtpCode;
import com.customerservice.domain.verification.PhoneVerificationSession;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one-time codes by SMS through Twilio's Messages API ({@code POST
 * /2010-04-01/Accounts/{AccountSid}/Messages.json}, form-encoded {@code To}, {@code From} or {@code
 * MessagingServiceSid}, {@code Body}; HTTP Basic authentication with the account SID and auth
 * token).
 *
 * <p>Connect and request timeouts bound every call. Transient failures (no connection, a timeout,
 * 429, 5xx) are retried a bounded number of times with jittered exponential backoff, honouring a
 * short {@code Retry-After}; a retried send can at worst deliver the same code twice, which is
 * harmless. A refusal (4xx) is not retried. The code never appears in a log or an exception.
 */
public final class TwilioOtpSender implements OtpSender {
  private static final Logger LOG = LoggerFactory.getLogger(TwilioOtpSender.class);
  private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(2);

  /** Where and how to reach Twilio. */
  public record Settings(
      URI baseUrl,
      String accountSid,
      String authToken,
      String from,
      Duration connectTimeout,
      Duration requestTimeout,
      int maxAttempts,
      Duration initialBackoff) {
    public Settings {
      Objects.requireNonNull(baseUrl, "baseUrl");
      Objects.requireNonNull(accountSid, "accountSid");
      Objects.requireNonNull(authToken, "authToken");
      Objects.requireNonNull(from, "from");
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1");
      }
    }

    /** Production defaults: Twilio's API, 2 s to connect, 5 s per request, 3 attempts. */
    public static Settings of(String accountSid, String authToken, String from) {
      return new Settings(
          URI.create("https://api.twilio.com"),
          accountSid,
          authToken,
          from,
          Duration.ofSeconds(2),
          Duration.ofSeconds(5),
          3,
          Duration.ofMillis(200));
    }

    public Settings withBaseUrl(URI url) {
      return new Settings(
          url,
          accountSid,
          authToken,
          from,
          connectTimeout,
          requestTimeout,
          maxAttempts,
          initialBackoff);
    }

    @Override
    public String toString() {
      return "TwilioSettings[" + baseUrl + ", account=" + accountSid + ", token=***]";
    }
  }

  private final Settings settings;
  private final HttpClient http;
  private final String authorization;

  public TwilioOtpSender(Settings settings) {
    this.settings = settings;
    this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (settings.accountSid() + ":" + settings.authToken())
                        .getBytes(StandardCharsets.UTF_8));
  }

  /** The text of the message; the code first, so phones can offer to fill it in. */
  static String message(OtpCode code) {
    return code.digits()
        + " is your verification code. It expires in "
        + PhoneVerificationSession.LIFETIME.toMinutes()
        + " minutes. Never share it.";
  }

  @Override
  public void send(PhoneNumber phone, OtpCode code) {
    HttpRequest request = request(phone, code);
    Duration backoff = settings.initialBackoff();
    for (int attempt = 1; ; attempt++) {
      Outcome outcome = attempt(request);
      if (outcome.delivered()) {
        return;
      }
      if (!outcome.retryable() || attempt >= settings.maxAttempts()) {
        LOG.warn(
            "SMS to {} not accepted by Twilio: {} (attempt {})", phone, outcome.reason(), attempt);
        throw new DependencyUnavailableException(
            "otp_delivery_failed", "The SMS gateway did not accept the message", null);
      }
      sleep(outcome.retryAfter() != null ? outcome.retryAfter() : jitter(backoff));
      backoff = backoff.multipliedBy(2);
    }
  }

  private HttpRequest request(PhoneNumber phone, OtpCode code) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("To", phone.e164());
    form.put(settings.from().startsWith("MG") ? "MessagingServiceSid" : "From", settings.from());
    form.put("Body", message(code));
    String body =
        form.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return HttpRequest.newBuilder(
            settings
                .baseUrl()
                .resolve(
                    "/2010-04-01/Accounts/" + encode(settings.accountSid()) + "/Messages.json"))
        .timeout(settings.requestTimeout())
        .header("Authorization", authorization)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  /** What one attempt came to; {@code reason} never holds the message body. */
  private record Outcome(
      boolean delivered, boolean retryable, String reason, Duration retryAfter) {}

  private Outcome attempt(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      int status = response.statusCode();
      if (status == 200 || status == 201) {
        return new Outcome(true, false, "accepted", null);
      }
      boolean retryable = status == 429 || status >= 500;
      return new Outcome(false, retryable, "HTTP " + status, retryAfter(response));
    } catch (HttpTimeoutException e) {
      return new Outcome(false, true, "timeout", null);
    } catch (IOException e) {
      return new Outcome(false, true, "connection failed: " + e.getClass().getSimpleName(), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(false, false, "interrupted", null);
    }
  }

  private static Duration retryAfter(HttpResponse<?> response) {
    return response
        .headers()
        .firstValue("Retry-After")
        .flatMap(
            v -> {
              try {
                return java.util.Optional.of(Duration.ofSeconds(Long.parseLong(v.strip())));
              } catch (NumberFormatException e) {
                return java.util.Optional.empty();
              }
            })
        .map(d -> d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d)
        .orElse(null);
  }

  private static Duration jitter(Duration backoff) {
    long millis = backoff.toMillis();
    return Duration.ofMillis(millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
