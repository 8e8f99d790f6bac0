package com.customerservice.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.customerservice.adapter.crypto.Keysets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data and generated secrets survive a restart; a wrong key set refuses to start. */
class RestartIT {

  @Test
  void dataAndTheGeneratedKeySetSurviveARestartAndAWrongKeySetIsRefused(@TempDir Path dataDir)
      throws Exception {
    Map<String, String> env = RunningService.sandboxOnFreshSchema(dataDir);
    String id;
    try (RunningService first = RunningService.start(env)) {
      id = first.onboard("+258843330001");
      first.put("/v1/customers/" + id, "{\"tax_id\":\"123456789\",\"first_name\":\"Rosa\"}");
    }
    assertThat(dataDir.resolve("keyset.json")).exists();
    String keyset = Files.readString(dataDir.resolve("keyset.json"));

    try (RunningService second = RunningService.start(env)) {
      var customer = second.get("/v1/customers/" + id).json().path("customer");
      assertThat(customer.path("first_name").asText()).isEqualTo("Rosa");
      assertThat(customer.path("tax_id").asText()).isEqualTo("***encrypted***");
      // The page token signed before the restart is still valid: the HMAC secret survived too.
      assertThat(second.get("/v1/customers").status()).isEqualTo(200);
    }
    assertThat(Files.readString(dataDir.resolve("keyset.json"))).isEqualTo(keyset);

    Map<String, String> wrong = new HashMap<>(env);
    wrong.put("ENCRYPTION_KEYSET", Keysets.toJson(Keysets.generate()));
    assertThatThrownBy(() -> RunningService.start(wrong))
        .hasMessageContaining("cannot decrypt this database's data");

    Map<String, String> rotated = new HashMap<>(env);
    rotated.put("ENCRYPTION_KEYSET", Keysets.toJson(Keysets.rotate(Keysets.fromJson(keyset))));
    try (RunningService third = RunningService.start(rotated)) {
      assertThat(third.get("/v1/customers/" + id).status()).isEqualTo(200);
    }
  }
}
