package com.customerservice.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerservice.adapter.http.auth.ApiKey;
import com.customerservice.adapter.http.auth.Scope;
import com.customerservice.domain.customer.PhoneNumber;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The audit trail and the webhook endpoints over HTTP: back office only, one shape for both. */
class EventsAndWebhooksApiTest extends ApiTestSupport {
  private ApiClient mobile;
  private ApiClient office;

  @Override
  protected List<ApiKey> apiKeys() {
    return List.of(
        ApiKey.ofDigest("mobile-app", EnumSet.of(Scope.CUSTOMERS), sha256Hex("sk_test_mobile")),
        ApiKey.ofDigest("compliance", EnumSet.of(Scope.BACK_OFFICE), sha256Hex("sk_test_office")));
  }

  private static String sha256Hex(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  @BeforeEach
  void clients() {
    String origin = "http://127.0.0.1:" + server.port();
    mobile = new ApiClient(origin).withHeader("Authorization", "Bearer sk_test_mobile");
    office = new ApiClient(origin).withHeader("Authorization", "Bearer sk_test_office");
  }

  private String onboardAsMobileApp(String phone, String requestId) {
    var started =
        mobile.send(
            "POST",
            "/v1/customers/initiate",
            "application/json",
            ("{\"phone_number\":\"" + phone + "\"}").getBytes(StandardCharsets.UTF_8),
            Map.of("Request-Id", requestId),
            true);
    String code = app.sms.lastCodeFor(new PhoneNumber(phone)).orElseThrow().digits();
    return mobile
        .send(
            "POST",
            "/v1/customers",
            "application/json",
            ("{\"session_id\":\""
                    + started.json().path("session_id").asText()
                    + "\",\"verification_code\":\""
                    + code
                    + "\"}")
                .getBytes(StandardCharsets.UTF_8),
            Map.of("Request-Id", requestId),
            true)
        .json()
        .path("customer_id")
        .asText();
  }

  @Test
  void theTrailAndTheEndpointsNeedTheBackOfficeScope() {
    String id = onboardAsMobileApp("+258841000001", "req_mobile_1");
    for (String path :
        List.of("/v1/events", "/v1/customers/" + id + "/events", "/v1/webhook_endpoints")) {
      var refused = mobile.get(path);
      assertThat(refused.status()).as(path).isEqualTo(403);
      assertThat(refused.errorCode()).isEqualTo("insufficient_scope");
    }
    var create =
        mobile.postJson(
            "/v1/webhook_endpoints",
            "{\"url\":\"https://receiver.example.com/\",\"enabled_events\":[\"*\"]}");
    assertThat(create.status()).isEqualTo(403);
    assertThat(app.useCases.webhookEndpoints().list()).isEmpty();
  }

  @Test
  void anEventNamesTheKeyAndTheRequestThatMadeTheChange() {
    String id = onboardAsMobileApp("+258841000002", "req_mobile_2");

    JsonNode event = office.get("/v1/events?type=customer.created").json().path("data").get(0);

    assertThat(event.path("object").asText()).isEqualTo("event");
    assertThat(event.path("id").asText()).startsWith("evt_");
    assertThat(event.path("customer_id").asText()).isEqualTo(id);
    assertThat(event.path("actor").path("type").asText()).isEqualTo("api_key");
    assertThat(event.path("actor").path("name").asText()).isEqualTo("mobile-app");
    assertThat(event.path("request_id").asText()).isEqualTo("req_mobile_2");
  }

  @Test
  void aClosedCustomersTrailStillReadsNewestFirst() {
    String id = onboardAsMobileApp("+258841000003", "req_3");
    app.clock.advance(Duration.ofSeconds(1));
    mobile.putJson(
        "/v1/customers/" + id, "{\"email\":\"ana@example.co.mz\",\"tax_id\":\"400123456\"}");
    app.clock.advance(Duration.ofSeconds(1));
    mobile.delete("/v1/customers/" + id);

    var trail = office.get("/v1/customers/" + id + "/events");

    assertThat(trail.status()).isEqualTo(200);
    List<String> types = new ArrayList<>();
    trail.json().path("data").forEach(event -> types.add(event.path("type").asText()));
    assertThat(types).containsExactly("customer.closed", "customer.updated", "customer.created");
    assertThat(trail.text()).contains("\"changed_fields\":[\"email\",\"tax_id\"]");
    assertThat(trail.text()).doesNotContain("400123456", "ana@example.co.mz");
  }

  @Test
  void badListQueriesAre400AndAnUnknownCustomerIs404() {
    assertThat(office.get("/v1/events?type=customer.exploded").errorParam()).isEqualTo("type");
    assertThat(office.get("/v1/events?customer_id=nobody").errorParam()).isEqualTo("customer_id");
    assertThat(office.get("/v1/events?page_size=0").status()).isEqualTo(400);
    assertThat(office.get("/v1/events?created_after=yesterday").status()).isEqualTo(400);
    assertThat(office.get("/v1/events?page_token=forged").errorCode())
        .isEqualTo("page_token_invalid");
    assertThat(office.get("/v1/customers/cus_" + "x".repeat(24) + "/events").status())
        .isEqualTo(404);
  }

  @Test
  void aPageTokenWorksOnlyWithTheFiltersItWasIssuedFor() {
    for (int i = 0; i < 3; i++) {
      onboardAsMobileApp("+25884100010" + i, "req_page_" + i);
    }
    var first = office.get("/v1/events?type=customer.created&page_size=2").json();
    assertThat(first.path("has_more").asBoolean()).isTrue();
    String token = first.path("next_page_token").asText();

    var second = office.get("/v1/events?type=customer.created&page_size=2&page_token=" + token);
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.json().path("data")).hasSize(1);
    assertThat(office.get("/v1/events?page_size=2&page_token=" + token).errorCode())
        .isEqualTo("page_token_invalid");
  }

  @Test
  void anEndpointShowsItsSecretOnceAndItsDeliveriesAfterwards() {
    var created =
        office.postJson(
            "/v1/webhook_endpoints",
            "{\"url\":\"https://receiver.example.com/hooks\","
                + "\"enabled_events\":[\"customer.created\"],\"description\":\"AML screening\"}");
    assertThat(created.status()).isEqualTo(201);
    String id = created.json().path("id").asText();
    assertThat(created.header("Location")).isEqualTo("/v1/webhook_endpoints/" + id);
    assertThat(created.json().path("secret").asText()).startsWith("whsec_");
    assertThat(created.json().path("status").asText()).isEqualTo("enabled");

    var read = office.get("/v1/webhook_endpoints/" + id);
    assertThat(read.json().has("secret")).isFalse();
    assertThat(office.get("/v1/webhook_endpoints").text())
        .contains(id)
        .doesNotContain(created.json().path("secret").asText());

    onboardAsMobileApp("+258841000004", "req_4");
    app.runBackgroundWork();
    var deliveries = office.get("/v1/webhook_endpoints/" + id + "/deliveries").json();
    JsonNode delivery = deliveries.path("data").get(0);
    assertThat(delivery.path("status").asText()).isEqualTo("delivered");
    assertThat(delivery.path("event_type").asText()).isEqualTo("customer.created");
    assertThat(delivery.path("attempts").get(0).path("status_code").asInt()).isEqualTo(200);

    var deleted = office.delete("/v1/webhook_endpoints/" + id);
    assertThat(deleted.json().path("deleted").asBoolean()).isTrue();
    assertThat(office.get("/v1/webhook_endpoints/" + id).json().path("status").asText())
        .isEqualTo("deleted");
    assertThat(office.get("/v1/webhook_endpoints").json().path("data")).isEmpty();
  }

  @Test
  void badEndpointsAre400AndNothingIsStored() {
    assertThat(
            office
                .postJson(
                    "/v1/webhook_endpoints",
                    "{\"url\":\"http://receiver.example.com/\",\"enabled_events\":[\"*\"]}")
                .errorCode())
        .isEqualTo("url_invalid");
    assertThat(office.postJson("/v1/webhook_endpoints", "{\"enabled_events\":[\"*\"]}").errorCode())
        .isEqualTo("parameter_missing");
    assertThat(
            office
                .postJson(
                    "/v1/webhook_endpoints",
                    "{\"url\":\"https://receiver.example.com/\",\"enabled_events\":\"*\"}")
                .errorParam())
        .isEqualTo("enabled_events");
    assertThat(
            office
                .postJson(
                    "/v1/webhook_endpoints",
                    "{\"url\":\"https://receiver.example.com/\",\"enabled_events\":[\"*\"],"
                        + "\"secret\":\"whsec_mine\"}")
                .errorCode())
        .isEqualTo("parameter_unknown");
    assertThat(office.get("/v1/webhook_endpoints/we_" + "x".repeat(24)).status()).isEqualTo(404);
    assertThat(office.get("/v1/webhook_endpoints/nonsense/deliveries").status()).isEqualTo(404);
    assertThat(app.useCases.webhookEndpoints().list()).isEmpty();
  }
}
