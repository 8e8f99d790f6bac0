package com.customerservice.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service wired to Smile ID ({@code KYC_PROVIDER=smile_id}) while Smile ID cannot be reached:
 * the document waits unread (Smile ID reads it with the selfie), and the selfie answers 503 and
 * decides nothing.
 */
class SmileIdOutageIT {

  @Test
  void withSmileIdDownTheDocumentWaitsUnreadAndTheSelfieIs503(@TempDir Path dataDir)
      throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Map<String, String> env = RunningService.sandboxOnFreshSchema(dataDir);
    env.put("KYC_PROVIDER", "smile_id");
    env.put("SMILE_ID_PARTNER_ID", "2345");
    env.put("SMILE_ID_API_KEY", "an-api-key-for-tests");
    env.put("SMILE_ID_BASE_URL", "http://127.0.0.1:" + closedPort + "/v1/");
    try (RunningService service = RunningService.start(env)) {
      String id = service.onboard("+258841119001");
      var document = service.uploadIdentityCard(id);
      assertThat(document.status()).isEqualTo(200);
      assertThat(document.json().path("name").isNull()).isTrue();
      assertThat(document.json().path("id_number").isNull()).isTrue();

      var selfie = service.uploadSelfie(id, document.json().path("reference").asText());
      assertThat(selfie.status()).isEqualTo(503);
      assertThat(selfie.json().path("error").path("code").asText())
          .isEqualTo("kyc_provider_unavailable");
      var customer = service.get("/v1/customers/" + id).json().path("customer");
      assertThat(customer.path("kyc_status").asText()).isEqualTo("pending");
      assertThat(customer.path("nationality_id").isNull()).isTrue();
    }
  }
}
