package com.customerservice.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerservice.adapter.http.json.Json;
import com.customerservice.domain.customer.Customer;
import com.customerservice.domain.customer.CustomerId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerApiTest extends ApiTestSupport {

  @ParameterizedTest
  @ValueSource(strings = {"cus_abcdefghijklmnopqrstuvwx", "usr_abc12345", "cus_abc12345", "x"})
  void anIdThatNamesNoCustomerIs404ForEveryVerb(String id) {
    for (var reply :
        List.of(
            api.get("/v1/customers/" + id),
            api.putJson("/v1/customers/" + id, "{\"first_name\":\"A\"}"),
            api.delete("/v1/customers/" + id))) {
      assertThat(reply.status()).isEqualTo(404);
      assertThat(reply.errorCode()).isEqualTo("resource_missing");
    }
  }

  @Test
  void getShowsEveryFieldOfTheSpecWithNullsWhereUnset() {
    String id = onboard("+258830000000");
    var reply = api.get("/v1/customers/" + id);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().path("object").asText()).isEqualTo("customer");
    JsonNode c = reply.json().path("customer");
    assertThat(c.path("customer_id").asText()).isEqualTo(id);
    assertThat(c.path("phone").asText()).isEqualTo("+258830000000");
    assertThat(c.path("status").asText()).isEqualTo("active");
    assertThat(c.path("kyc_status").asText()).isEqualTo("unverified");
    assertThat(c.path("customer_segment").asText()).isEqualTo("personal");
    for (String field :
        List.of(
            "first_name",
            "last_name",
            "email",
            "address",
            "nationality",
            "sex",
            "date_of_birth",
            "nationality_id",
            "tax_id",
            "nuib",
            "profile_picture",
            "qrcode_id",
            "business_name")) {
      assertThat(c.has(field)).as(field).isTrue();
      assertThat(c.get(field).isNull()).as(field).isTrue();
    }
    assertThat(c.path("created_at").asText()).isEqualTo("2026-03-01T08:00:00Z");
    assertThat(c.path("updated_at").asText()).isEqualTo("2026-03-01T08:00:00Z");
  }

  @Test
  void putUpdatesOnlyTheNamedFieldsAndMasksTheTaxId() {
    String id = onboard("+258830000000");
    app.clock.advance(Duration.ofMinutes(2));
    var reply =
        api.putJson(
            "/v1/customers/" + id,
            "{\"first_name\":\"John\",\"last_name\":\"Doe\",\"email\":\"newemail@example.com\","
                + "\"business_name\":\"Doe Enterprises\",\"tax_id\":\"123456789\","
                + "\"address\":\"Av. Julius Nyerere^Maputo^Mozambique\",\"qrcode_id\":\"qr_abc123\"}");
    assertThat(reply.status()).isEqualTo(200);
    JsonNode c = reply.json().path("customer");
    assertThat(c.path("first_name").asText()).isEqualTo("John");
    assertThat(c.path("email").asText()).isEqualTo("newemail@example.com");
    assertThat(c.path("business_name").asText()).isEqualTo("Doe Enterprises");
    assertThat(c.path("tax_id").asText()).isEqualTo("***encrypted***");
    assertThat(c.path("nuib").isNull()).isTrue();
    assertThat(c.path("address").path("street").asText()).isEqualTo("Av. Julius Nyerere");
    assertThat(c.path("address").path("city").asText()).isEqualTo("Maputo");
    assertThat(c.path("address").path("country").asText()).isEqualTo("Mozambique");
    assertThat(c.path("address").path("postal_code").isNull()).isTrue();
    assertThat(c.path("qrcode_id").asText()).isEqualTo("qr_abc123");
    assertThat(c.path("updated_at").asText()).isEqualTo("2026-03-01T08:02:00Z");
    assertThat(reply.text()).doesNotContain("123456789");

    var second =
        api.putJson(
            "/v1/customers/" + id,
            "{\"last_name\":\"Smith\",\"sex\":\"M\",\"date_of_birth\":\"1990-01-15\",\"address\":{\"street\":\"Rua 1\",\"city\":\"Beira\",\"country\":\"Mozambique\",\"postal_code\":\"2100\"}}");
    JsonNode after = second.json().path("customer");
    assertThat(after.path("first_name").asText()).isEqualTo("John");
    assertThat(after.path("last_name").asText()).isEqualTo("Smith");
    assertThat(after.path("date_of_birth").asText()).isEqualTo("1990-01-15T00:00:00Z");
    assertThat(after.path("address").path("postal_code").asText()).isEqualTo("2100");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"email\":\"not-an-email\"}|email",
        "{\"email\":\"\"}|email",
        "{\"first_name\":\"\"}|first_name",
        "{\"first_name\":42}|first_name",
        "{\"address\":\"only^two\"}|address",
        "{\"address\":42}|address",
        "{\"sex\":\"X\"}|sex",
        "{\"date_of_birth\":\"15/01/1990\"}|date_of_birth",
        "{\"date_of_birth\":\"2999-01-01\"}|date_of_birth",
        "{\"customer_segment\":\"enterprise\"}|customer_segment",
        "{\"tax_id\":\"<script>\"}|tax_id",
        "{\"firstname\":\"typo\"}|firstname",
        "{\"customer_id\":\"cus_x\"}|customer_id"
      })
  void aBadFieldIs400NamingIt(String caseText) {
    String[] parts = caseText.split("\\|");
    String id = onboard("+258830000000");
    var reply =
        api.send(
            "PUT",
            "/v1/customers/" + id,
            "application/json",
            parts[0].getBytes(StandardCharsets.UTF_8),
            Map.of(),
            true);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorParam()).isEqualTo(parts[1]);
  }

  @Test
  void putIsAMergePatchNullClearsAndAbsentKeeps() {
    String id = onboard("+258830000000");
    api.putJson(
        "/v1/customers/" + id,
        "{\"first_name\":\"John\",\"email\":\"john@example.com\","
            + "\"address\":\"Av. Julius Nyerere^Maputo^Mozambique\",\"tax_id\":\"123456789\"}");
    var reply =
        api.putJson(
            "/v1/customers/" + id,
            "{\"email\":null,\"address\":null,\"tax_id\":null,\"last_name\":\"Doe\"}");
    JsonNode c = reply.json().path("customer");
    assertThat(c.path("first_name").asText()).isEqualTo("John");
    assertThat(c.path("last_name").asText()).isEqualTo("Doe");
    assertThat(c.path("email").isNull()).isTrue();
    assertThat(c.path("address").isNull()).isTrue();
    assertThat(c.path("tax_id").isNull()).isTrue();
    var segment = api.putJson("/v1/customers/" + id, "{\"customer_segment\":null}");
    assertThat(segment.status()).isEqualTo(400);
    assertThat(segment.errorParam()).isEqualTo("customer_segment");
  }

  @Test
  void whatGetShowsCanBeSentBackAsItIs() {
    String id = onboard("+258830000000");
    api.putJson(
        "/v1/customers/" + id,
        "{\"tax_id\":\"123456789\",\"nuib\":\"NUIB-77\",\"date_of_birth\":\"1990-01-15\","
            + "\"address\":{\"street\":\"Av. 24 de Julho\",\"city\":\"Maputo\","
            + "\"country\":\"Mozambique\",\"postal_code\":\"1100\"}}");
    JsonNode shown = api.get("/v1/customers/" + id).json().path("customer");
    ObjectNode edit = Json.MAPPER.createObjectNode();
    for (String field :
        List.of("first_name", "tax_id", "nuib", "date_of_birth", "address", "email", "sex")) {
      edit.set(field, shown.get(field));
    }
    edit.put("first_name", "Joana");
    var reply = api.putJson("/v1/customers/" + id, edit.toString());
    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    Customer stored = app.customers.findActive(new CustomerId(id)).orElseThrow();
    assertThat(stored.governmentIds().taxId().reveal()).isEqualTo("123456789");
    assertThat(stored.governmentIds().nuib().reveal()).isEqualTo("NUIB-77");
    assertThat(stored.profile().dateOfBirth()).isEqualTo(LocalDate.of(1990, 1, 15));
    assertThat(stored.profile().firstName().value()).isEqualTo("Joana");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1990-01-15T10:00:00+02:00",
        "1990-01-15T00:00:00+02:00",
        "1990-01-15T10:00:00Z",
        "15/01/1990"
      })
  void aBirthDateIsACalendarDateNotAMoment(String value) {
    String id = onboard("+258830000000");
    var reply = api.putJson("/v1/customers/" + id, "{\"date_of_birth\":\"" + value + "\"}");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorCode()).isEqualTo("parameter_invalid");
    assertThat(reply.errorParam()).isEqualTo("date_of_birth");
    var midnight =
        api.putJson("/v1/customers/" + id, "{\"date_of_birth\":\"1990-01-15T00:00:00Z\"}");
    assertThat(midnight.json().path("customer").path("date_of_birth").asText())
        .isEqualTo("1990-01-15T00:00:00Z");
  }

  @Test
  void aPageTokenWorksOnlyWithTheFiltersItWasIssuedFor() {
    onboard("+258830000000");
    app.clock.advance(java.time.Duration.ofSeconds(1));
    onboard("+258830000001");
    String token =
        api.get("/v1/customers?page_size=1&kyc_status=unverified")
            .json()
            .path("next_page_token")
            .asText();
    assertThat(
            api.get("/v1/customers?page_size=1&kyc_status=unverified&page_token=" + token).status())
        .isEqualTo(200);
    var other = api.get("/v1/customers?page_size=1&page_token=" + token);
    assertThat(other.status()).isEqualTo(400);
    assertThat(other.errorCode()).isEqualTo("page_token_invalid");
  }

  @Test
  void deleteClosesAndEverythingAfterwardsIs404AndThePhoneMayReturn() {
    String id = onboard("+258830000000");
    var reply = api.delete("/v1/customers/" + id);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().path("object").asText()).isEqualTo("customer");
    assertThat(reply.json().path("customer_id").asText()).isEqualTo(id);
    assertThat(reply.json().path("deleted").asBoolean()).isTrue();

    assertThat(api.get("/v1/customers/" + id).status()).isEqualTo(404);
    assertThat(api.putJson("/v1/customers/" + id, "{\"first_name\":\"A\"}").status())
        .isEqualTo(404);
    assertThat(api.delete("/v1/customers/" + id).status()).isEqualTo(404);
    assertThat(api.get("/v1/customers/get-receiver/+258830000000").status()).isEqualTo(404);
    assertThat(api.get("/v1/customers").json().path("data")).isEmpty();

    app.clock.advance(Duration.ofMinutes(1));
    String again = onboard("+258830000000");
    assertThat(again).isNotEqualTo(id);
  }

  @Test
  void listPagesNewestFirstThroughTokens() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(0, onboard(String.format("+25884000000%d", i)));
      app.clock.advance(Duration.ofSeconds(1));
    }
    var first = api.get("/v1/customers?page_size=2");
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.json().path("object").asText()).isEqualTo("list");
    assertThat(first.json().path("has_more").asBoolean()).isTrue();
    List<String> seen = new ArrayList<>();
    first.json().path("data").forEach(c -> seen.add(c.path("customer_id").asText()));
    String token = first.json().path("next_page_token").asText();
    while (token != null && !token.isEmpty()) {
      var page = api.get("/v1/customers?page_size=2&page_token=" + token);
      page.json().path("data").forEach(c -> seen.add(c.path("customer_id").asText()));
      token =
          page.json().path("next_page_token").isNull()
              ? null
              : page.json().path("next_page_token").asText();
    }
    assertThat(seen).containsExactlyElementsOf(ids);
    var last = api.get("/v1/customers?page_size=100");
    assertThat(last.json().path("has_more").asBoolean()).isFalse();
    assertThat(last.json().path("next_page_token").isNull()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "page_size=0|page_size",
        "page_size=101|page_size",
        "page_size=abc|page_size",
        "page_size=-1|page_size",
        "page_token=token_xyz|page_token",
        "kyc_status=bogus|kyc_status",
        "status=deleted|status",
        "status=closed|status",
        "created_after=yesterday|created_after"
      })
  void badListParametersAre400NamingThem(String caseText) {
    String[] parts = caseText.split("\\|");
    var reply = api.get("/v1/customers?" + parts[0]);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorParam()).isEqualTo(parts[1]);
  }

  @Test
  void listFiltersByKycStatus() {
    onboard("+258840000001");
    assertThat(api.get("/v1/customers?kyc_status=pending").json().path("data")).isEmpty();
    assertThat(api.get("/v1/customers?kyc_status=unverified").json().path("data")).hasSize(1);
  }

  @Test
  void getReceiverAcceptsARawPlusAndAnEncodedOne() {
    String id = onboard("+258830000001");
    api.putJson(
        "/v1/customers/" + id,
        "{\"first_name\":\"Jane\",\"last_name\":\"Smith\",\"sex\":\"F\",\"email\":\"jane@example.com\"}");
    for (String path : List.of("+258830000001", "%2B258830000001")) {
      var reply = api.get("/v1/customers/get-receiver/" + path);
      assertThat(reply.status()).as(path).isEqualTo(200);
      JsonNode r = reply.json();
      assertThat(r.path("phone_number").asText()).isEqualTo("+258830000001");
      assertThat(r.path("first_name").asText()).isEqualTo("Jane");
      assertThat(r.path("last_name").asText()).isEqualTo("Smith");
      assertThat(r.path("sex").asText()).isEqualTo("F");
      assertThat(r.path("id").asText()).isEqualTo(id);
      assertThat(r.has("profile_picture")).isTrue();
      assertThat(r.has("email")).isFalse();
      assertThat(r.has("tax_id")).isFalse();
    }
  }

  @Test
  void getReceiverOfAnUnknownOrMalformedPhoneIs404() {
    assertThat(api.get("/v1/customers/get-receiver/+258830000009").status()).isEqualTo(404);
    assertThat(api.get("/v1/customers/get-receiver/notaphone").status()).isEqualTo(404);
  }

  @Test
  void literalPathsAreNeverTakenForACustomerId() {
    var docs = api.get("/v1/customers/supported-documents");
    assertThat(docs.status()).isEqualTo(200);
    assertThat(docs.json().path("object").asText()).isEqualTo("list");
    var receiver = api.get("/v1/customers/get-receiver/+258830000009");
    assertThat(receiver.errorParam()).isEqualTo("phone_number");
  }

  @Test
  void unknownRoutesAre404AndWrongMethodsAre405InTheEnvelope() {
    var unknown = api.send("GET", "/v2/nothing", null, null, Map.of(), false);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.errorCode()).isEqualTo("route_not_found");
    var wrongMethod =
        api.send("PATCH", "/v1/customers/supported-documents", null, null, Map.of(), false);
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(wrongMethod.errorCode()).isEqualTo("method_not_allowed");
    var deleteList = api.send("DELETE", "/v1/customers", null, null, Map.of(), false);
    assertThat(deleteList.status()).isEqualTo(405);
  }

  @Test
  void theCallersRequestIdIsEchoedAndABadOneReplaced() {
    var mine =
        api.send(
            "GET", "/v1/customers/cus_x", null, null, Map.of("Request-Id", "client-123"), true);
    assertThat(mine.header("Request-Id")).isEqualTo("client-123");
    assertThat(mine.json().path("request_id").asText()).isEqualTo("client-123");
    var bad =
        api.send(
            "GET",
            "/v1/customers/cus_x",
            null,
            null,
            Map.of("Request-Id", "bad id with spaces"),
            true);
    assertThat(bad.header("Request-Id")).matches("req_[A-Za-z0-9]{24}");
  }
}
