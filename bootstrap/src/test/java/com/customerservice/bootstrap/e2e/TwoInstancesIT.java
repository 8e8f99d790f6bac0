package com.customerservice.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerservice.adapter.crypto.Keysets;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two instances on one database behave as one service. */
class TwoInstancesIT {

  @Test
  void sessionsRateLimitsAndPhonesAreSharedAcrossInstances(@TempDir Path dirA, @TempDir Path dirB) {
    Map<String, String> shared = RunningService.sandboxOnFreshSchema(dirA);
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    shared.put("HMAC_SECRET", Base64.getEncoder().encodeToString(secret));
    shared.put("ENCRYPTION_KEYSET", Keysets.toJson(Keysets.generate()));
    Map<String, String> second = new HashMap<>(shared);
    second.put("DATA_DIR", dirB.toString());

    try (RunningService a = RunningService.start(shared);
        RunningService b = RunningService.start(second)) {
      JsonNode started =
          a.post("/v1/customers/initiate", "{\"phone_number\":\"+258842220001\"}").json();
      var limited = b.post("/v1/customers/initiate", "{\"phone_number\":\"+258842220001\"}");
      assertThat(limited.status()).isEqualTo(429);
      assertThat(limited.header("Retry-After")).isNotBlank();

      var verified =
          b.post(
              "/v1/customers",
              "{\"session_id\":\""
                  + started.path("session_id").asText()
                  + "\",\"verification_code\":\""
                  + started.path("otp").asText()
                  + "\"}");
      assertThat(verified.status()).isEqualTo(201);
      String id = verified.json().path("customer_id").asText();
      assertThat(a.get("/v1/customers/" + id).status()).isEqualTo(200);
      assertThat(a.post("/v1/customers/initiate", "{\"phone_number\":\"+258842220001\"}").status())
          .isEqualTo(409);

      // A page token from one instance works on the other.
      b.onboard("+258842220002");
      var page = a.get("/v1/customers?page_size=1").json();
      var next =
          b.get("/v1/customers?page_size=1&page_token=" + page.path("next_page_token").asText());
      assertThat(next.status()).isEqualTo(200);
    }
  }
}
