package com.customerservice.adapter.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.customerservice.domain.customer.PhoneNumber;
import com.customerservice.domain.error.DependencyUnavailableException;
import com.customerservice.domain.verification.OtpCode;
import io.javalin.Javalin;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client against a local fake of Twilio's Messages API that also serves failures. */
class TwilioOtpSenderTest {
  private static final PhoneNumber PHONE = new PhoneNumber("+258841234567");
  private static final OtpCode CODE = new OtpCode("482913");

  /** One request the fake received. */
  record Received(
      String path, String authorization, String contentType, Map<String, String> form) {}

  private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
  private final List<Integer> script = new ArrayList<>();
  private volatile long delayMillis;
  private Javalin fake;

  private TwilioOtpSender sender() {
    fake =
        Javalin.create(
                config ->
                    config.routes.post(
                        "/2010-04-01/Accounts/{sid}/Messages.json",
                        ctx -> {
                          received.add(
                              new Received(
                                  ctx.path(),
                                  ctx.header("Authorization"),
                                  ctx.contentType(),
                                  form(ctx.body())));
                          if (delayMillis > 0) {
                            Thread.sleep(delayMillis);
                          }
                          int status;
                          synchronized (script) {
                            status = script.isEmpty() ? 201 : script.remove(0);
                          }
                          if (status == 429) {
                            ctx.header("Retry-After", "1");
                          }
                          ctx.status(status)
                              .contentType("application/json")
                              .result(
                                  status == 201
                                      ? "{\"sid\":\"SM123\",\"status\":\"queued\"}"
                                      : "{\"code\":21211,\"message\":\"error\",\"status\":"
                                          + status
                                          + "}");
                        }))
            .start("127.0.0.1", 0);
    return new TwilioOtpSender(
        new TwilioOtpSender.Settings(
            URI.create("http://127.0.0.1:" + fake.port()),
            "AC0123456789abcdef",
            "secret-token",
            "+15005550006",
            Duration.ofMillis(500),
            Duration.ofMillis(400),
            3,
            Duration.ofMillis(10)));
  }

  @AfterEach
  void stop() {
    if (fake != null) {
      fake.stop();
    }
  }

  private static Map<String, String> form(String body) {
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      String[] kv = pair.split("=", 2);
      form.put(
          URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
    }
    return form;
  }

  @Test
  void sendsTheDocumentedRequest() {
    sender().send(PHONE, CODE);
    Received request = received.peek();
    assertThat(request.path()).isEqualTo("/2010-04-01/Accounts/AC0123456789abcdef/Messages.json");
    assertThat(request.authorization())
        .isEqualTo(
            "Basic "
                + Base64.getEncoder()
                    .encodeToString(
                        "AC0123456789abcdef:secret-token".getBytes(StandardCharsets.UTF_8)));
    assertThat(request.contentType()).startsWith("application/x-www-form-urlencoded");
    assertThat(request.form())
        .containsEntry("To", "+258841234567")
        .containsEntry("From", "+15005550006");
    assertThat(request.form().get("Body")).startsWith("482913 ");
  }

  @Test
  void retriesTransientFailuresAndSucceeds() {
    TwilioOtpSender sender = sender();
    script.addAll(List.of(503, 429));
    sender.send(PHONE, CODE);
    assertThat(received).hasSize(3);
  }

  @Test
  void givesUpAfterTheLastAttemptWithoutRevealingTheCode() {
    TwilioOtpSender sender = sender();
    script.addAll(List.of(500, 502, 503, 201));
    assertThatThrownBy(() -> sender.send(PHONE, CODE))
        .isInstanceOf(DependencyUnavailableException.class)
        .hasMessageNotContaining("482913");
    assertThat(received).hasSize(3);
  }

  @Test
  void aRefusalIsNotRetried() {
    TwilioOtpSender sender = sender();
    script.add(400);
    assertThatThrownBy(() -> sender.send(PHONE, CODE))
        .isInstanceOf(DependencyUnavailableException.class);
    assertThat(received).hasSize(1);
  }

  @Test
  void aSlowGatewayTimesOutAndIsRetriedBoundedly() {
    TwilioOtpSender sender = sender();
    delayMillis = 1500;
    assertThatThrownBy(() -> sender.send(PHONE, CODE))
        .isInstanceOf(DependencyUnavailableException.class);
    assertThat(received).hasSize(3);
  }

  @Test
  void aGatewayThatIsDownFailsQuickly() {
    TwilioOtpSender down =
        new TwilioOtpSender(
            TwilioOtpSender.Settings.of("AC1", "t", "+15005550006")
                .withBaseUrl(URI.create("http://127.0.0.1:9")));
    assertThatThrownBy(() -> down.send(PHONE, CODE))
        .isInstanceOf(DependencyUnavailableException.class);
  }

  @Test
  void aMessagingServiceIsSentAsSuch() {
    sender();
    TwilioOtpSender viaService =
        new TwilioOtpSender(
            TwilioOtpSender.Settings.of("AC1", "t", "MG0123")
                .withBaseUrl(URI.create("http://127.0.0.1:" + fake.port())));
    viaService.send(PHONE, CODE);
    assertThat(received.peek().form())
        .containsEntry("MessagingServiceSid", "MG0123")
        .doesNotContainKey("From");
  }

  @Test
  void settingsNeverPrintTheToken() {
    assertThat(TwilioOtpSender.Settings.of("AC1", "very-secret", "+1").toString())
        .doesNotContain("very-secret");
  }
}
