package com.customerservice.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerservice.adapter.http.auth.ApiKey;
import com.customerservice.adapter.http.auth.Scope;
import com.customerservice.application.service.GetReceiverService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiKeyAuthenticationTest extends ApiTestSupport {
  @Override
  protected List<ApiKey> apiKeys() {
    return List.of(
        ApiKey.allScopes("first", "sk_test_first"),
        ApiKey.allScopes("second", "sk_test_second"),
        ApiKey.ofDigest("mobile-app", EnumSet.of(Scope.CUSTOMERS), sha256Hex("sk_test_mobile")),
        ApiKey.ofDigest("compliance", EnumSet.of(Scope.BACK_OFFICE), sha256Hex("sk_test_office")));
  }

  private static String sha256Hex(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  private ApiClient.Reply as(String secret, String method, String path) {
    return api.send(method, path, null, null, Map.of("Authorization", "Bearer " + secret), true);
  }

  @Test
  void aKeyWithoutTheRoutesScopeIs403AndDoesNothing() {
    String id = app.onboard("+258840000001").value();
    var customers = as("sk_test_mobile", "POST", "/v1/customers/" + id + "/kyc/reopen");
    assertThat(customers.status()).isEqualTo(403);
    assertThat(customers.errorCode()).isEqualTo("insufficient_scope");
    for (String path :
        List.of(
            "/v1/customers",
            "/v1/customers/" + id,
            "/v1/customers/supported-documents",
            "/v1/customers/get-receiver/%2B258840000001",
            "/files/profiles/file_x")) {
      var office = as("sk_test_office", "GET", path);
      assertThat(office.status()).as(path).isEqualTo(403);
      assertThat(office.errorCode()).isEqualTo("insufficient_scope");
    }
    assertThat(as("sk_test_office", "DELETE", "/v1/customers/" + id).status()).isEqualTo(403);
    assertThat(app.get.get(id)).isNotNull();
  }

  /**
   * The requests two templates match (Redocly's no-ambiguous-paths): the literal get-receiver
   * segment wins over a customer id, for every key, so the answer never depends on which route
   * happened to be registered first.
   */
  @Test
  void getReceiverWinsOverTheEventsAndTheKycCaseOfACustomerNamedLikeIt() {
    for (String path :
        List.of("/v1/customers/get-receiver/events", "/v1/customers/get-receiver/kyc")) {
      for (String secret : List.of("sk_test_mobile", "sk_test_first")) {
        var answer =
            api.send("GET", path, null, null, Map.of("Authorization", "Bearer " + secret), false);
        assertThat(answer.status()).as(secret + " " + path).isEqualTo(404);
        assertThat(answer.errorCode()).isEqualTo("resource_missing");
        assertThat(answer.json().path("error").path("param").asText()).isEqualTo("phone_number");
      }
    }
  }

  @Test
  void eachScopeReachesItsRoutes() {
    String id = app.onboard("+258840000001").value();
    assertThat(as("sk_test_mobile", "GET", "/v1/customers/" + id).status()).isEqualTo(200);
    var reopened = as("sk_test_office", "POST", "/v1/customers/" + id + "/kyc/reopen");
    assertThat(reopened.status()).isEqualTo(200);
    assertThat(reopened.json().path("customer").path("kyc_status").asText())
        .isEqualTo("unverified");
  }

  @Test
  void theKeysNameIsTheCallerOfTheUseCases() {
    String id = app.onboard("+258840000001").value();
    for (int i = 0; i < GetReceiverService.DEFAULT_BURST; i++) {
      as("sk_test_mobile", "GET", "/v1/customers/get-receiver/%2B258840000001");
    }
    var limited = as("sk_test_mobile", "GET", "/v1/customers/get-receiver/%2B258840000001");
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.errorCode()).isEqualTo("rate_limited");
    assertThat(limited.header("Retry-After")).isNotBlank();
    assertThat(as("sk_test_first", "GET", "/v1/customers/get-receiver/%2B258840000001").status())
        .as("another key has a budget of its own")
        .isEqualTo(200);
    assertThat(id).isNotBlank();
  }

  @Test
  void aMissingKeyIs401() {
    var reply = api.get("/v1/customers");
    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.errorCode()).isEqualTo("api_key_missing");
    assertThat(reply.json().path("error").path("type").asText()).isEqualTo("authentication_error");
    assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer");
  }

  @Test
  void aWrongKeyIs401OnEveryProtectedPath() {
    for (String path :
        List.of("/v1/customers", "/v1/customers/supported-documents", "/files/profiles/file_x")) {
      var reply =
          api.send("GET", path, null, null, Map.of("Authorization", "Bearer sk_test_wrong"), true);
      assertThat(reply.status()).as(path).isEqualTo(401);
      assertThat(reply.errorCode()).isEqualTo("api_key_invalid");
    }
    var notBearer =
        api.send(
            "GET",
            "/v1/customers",
            null,
            null,
            Map.of("Authorization", "Basic c2tfdGVzdF9maXJzdA=="),
            true);
    assertThat(notBearer.status()).isEqualTo(401);
  }

  @Test
  void anyConfiguredKeyIsAccepted() {
    assertThat(
            api.send(
                    "GET",
                    "/v1/customers",
                    null,
                    null,
                    Map.of("Authorization", "Bearer sk_test_first"),
                    true)
                .status())
        .isEqualTo(200);
    assertThat(
            api.send(
                    "GET",
                    "/v1/customers",
                    null,
                    null,
                    Map.of("Authorization", "bearer sk_test_second"),
                    true)
                .status())
        .isEqualTo(200);
  }

  @Test
  void healthAndTheOpenApiDocumentNeedNoKey() {
    assertThat(api.get("/health/live").status()).isEqualTo(200);
    assertThat(api.get("/health/ready").status()).isEqualTo(200);
    var doc = api.send("GET", "/openapi.yaml", null, null, Map.of(), false);
    assertThat(doc.status()).isEqualTo(200);
    assertThat(doc.text()).startsWith("openapi: 3.1.0");
  }
}
