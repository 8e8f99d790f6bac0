package com.customerservice.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** STORAGE=memory: the whole service on the test kit's storage, no database at all. */
class DemoStorageIT {

  @Test
  void aSandboxRunsOnTheInMemoryStorage(@TempDir Path dataDir) {
    Map<String, String> env =
        Map.of(
            "SERVICE_MODE", "sandbox",
            "STORAGE", "memory",
            "HOST", "127.0.0.1",
            "PORT", "0",
            "DATA_DIR", dataDir.toString());
    try (RunningService service = RunningService.start(env)) {
      assertThat(service.get("/health/ready").status()).isEqualTo(200);
      String id = service.onboard("+258841119901");
      assertThat(service.get("/v1/customers/" + id).json().path("customer").path("phone").asText())
          .isEqualTo("+258841119901");
    }
  }
}
