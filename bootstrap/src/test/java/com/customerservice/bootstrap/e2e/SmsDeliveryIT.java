package com.customerservice.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real SMS path end to end: the service sends the code through a local fake of Twilio. */
class SmsDeliveryIT {

  @Test
  void theCodeTravelsBySmsAndAGatewayOutageCountsAgainstNoLimit(@TempDir Path dataDir) {
    ConcurrentLinkedQueue<String> bodies = new ConcurrentLinkedQueue<>();
    AtomicInteger failuresLeft = new AtomicInteger(3); // the client's three attempts all fail once
    Javalin twilio =
        Javalin.create(
                config ->
                    config.routes.post(
                        "/2010-04-01/Accounts/{sid}/Messages.json",
                        ctx -> {
                          if (failuresLeft.getAndDecrement() > 0) {
                            ctx.status(503).result("{\"status\":503}");
                            return;
                          }
                          bodies.add(URLDecoder.decode(ctx.body(), StandardCharsets.UTF_8));
                          ctx.status(201)
                              .contentType("application/json")
                              .result("{\"sid\":\"SM1\"}");
                        }))
            .start("127.0.0.1", 0);
    Map<String, String> env = RunningService.sandboxOnFreshSchema(dataDir);
    env.put("OTP_SENDER", "twilio");
    env.put("TWILIO_ACCOUNT_SID", "AC0123");
    env.put("TWILIO_AUTH_TOKEN", "token-for-tests");
    env.put("TWILIO_FROM", "+15005550006");
    env.put("TWILIO_BASE_URL", "http://127.0.0.1:" + twilio.port());
    try (RunningService service = RunningService.start(env)) {
      var down = service.post("/v1/customers/initiate", "{\"phone_number\":\"+258845550001\"}");
      assertThat(down.status()).isEqualTo(503);
      assertThat(down.json().path("error").path("code").asText()).isEqualTo("otp_delivery_failed");

      // No 30-second wait: the failed attempt left no session behind.
      var started = service.post("/v1/customers/initiate", "{\"phone_number\":\"+258845550001\"}");
      assertThat(started.status()).isEqualTo(201);
      String sms = bodies.peek();
      assertThat(sms).contains("To=+258845550001");
      String code = sms.replaceAll("(?s).*Body=([0-9]{6}).*", "$1");
      var verified =
          service.post(
              "/v1/customers",
              "{\"session_id\":\""
                  + started.json().path("session_id").asText()
                  + "\",\"verification_code\":\""
                  + code
                  + "\"}");
      assertThat(verified.status()).isEqualTo(201);
    } finally {
      twilio.stop();
    }
  }
}
