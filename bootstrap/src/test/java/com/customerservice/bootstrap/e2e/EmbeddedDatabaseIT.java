package com.customerservice.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With no DATABASE_URL the service runs on its own PostgreSQL whose data survives restarts. */
class EmbeddedDatabaseIT {

  @Test
  void theEmbeddedDatabaseKeepsItsDataUnderDataDir(@TempDir Path dataDir) {
    Map<String, String> env =
        Map.of(
            "SERVICE_MODE",
            "sandbox",
            "HOST",
            "127.0.0.1",
            "PORT",
            "0",
            "DATA_DIR",
            dataDir.toString());
    String id;
    try (RunningService first = RunningService.start(env)) {
      id = first.onboard("+258844440001");
      assertThat(first.get("/health/ready").status()).isEqualTo(200);
    }
    assertThat(dataDir.resolve("postgres")).isDirectory();
    try (RunningService second = RunningService.start(env)) {
      assertThat(second.get("/v1/customers/" + id).status()).isEqualTo(200);
    }
  }
}
