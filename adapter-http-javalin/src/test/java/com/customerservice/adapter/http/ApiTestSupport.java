package com.customerservice.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerservice.adapter.http.ApiClient.Multipart;
import com.customerservice.adapter.http.auth.ApiKey;
import com.customerservice.adapter.http.request.Uploads;
import com.customerservice.application.fixtures.InMemoryApplication;
import com.customerservice.domain.fixtures.TestImages;
import com.customerservice.domain.kyc.KycReview;
import com.customerservice.domain.kyc.VendorFindings;
import com.customerservice.domain.kyc.Verdict;
import io.javalin.Javalin;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Starts the real HTTP API on a random port over every real use case, wired to in-memory ports, and
 * gives tests a validating client.
 */
public abstract class ApiTestSupport {
  protected InMemoryApplication app;
  protected Javalin server;
  protected ApiClient api;

  /** API keys the server requires; none by default. */
  protected List<ApiKey> apiKeys() {
    return List.of();
  }

  /** The limits of uploads; the defaults unless a test needs tighter ones. */
  protected Uploads.Limits uploads() {
    return Uploads.Limits.defaults();
  }

  @BeforeEach
  void startServer() {
    app = new InMemoryApplication();
    server =
        HttpApi.create(
                app.useCases,
                new HttpApi.Options(apiKeys(), app.calls, uploads(), () -> true, config -> {}))
            .start("127.0.0.1", 0);
    api = new ApiClient("http://127.0.0.1:" + server.port());
  }

  @AfterEach
  void stopServer() {
    server.stop();
  }

  protected ApiClient.Reply initiate(String phone) {
    return api.postJson("/v1/customers/initiate", "{\"phone_number\":\"" + phone + "\"}");
  }

  protected ApiClient.Reply verify(String session, String code) {
    return api.postJson(
        "/v1/customers",
        "{\"session_id\":\"" + session + "\",\"verification_code\":\"" + code + "\"}");
  }

  /** Onboards a customer over HTTP and returns its id. */
  protected String onboard(String phone) {
    var started = initiate(phone);
    String session = started.json().path("session_id").asText();
    String code =
        app.sms
            .lastCodeFor(new com.customerservice.domain.customer.PhoneNumber(phone))
            .orElseThrow()
            .digits();
    return verify(session, code).json().path("customer_id").asText();
  }

  /**
   * Puts customer {@code id}'s KYC before a person, as a client app does it through {@code client}:
   * a two-sided ID card, then a selfie the vendor leaves to a reviewer with {@code findings}.
   */
  protected void leaveKycToAPerson(ApiClient client, String id, VendorFindings findings) {
    String reference =
        client
            .postMultipart(
                "/v1/customers/" + id + "/upload-document",
                new Multipart()
                    .text("doc_type", "MZ_BI")
                    .file("image1", "front.jpg", "image/jpeg", TestImages.jpeg(64, 40))
                    .file("image2", "back.png", "image/png", TestImages.png(64, 40)))
            .json()
            .path("reference")
            .asText();
    app.kyc.answerSelfie(
        new Verdict.NeedsReview(KycReview.Reason.VENDOR_REVIEW, Optional.empty(), findings));
    var selfie =
        client.postMultipart(
            "/v1/customers/" + id + "/upload-selfie",
            new Multipart()
                .text("reference", reference)
                .file("image", "me.jpg", "image/jpeg", TestImages.jpeg(48, 64)));
    assertThat(selfie.json().path("result").asText()).isEqualTo("processing");
  }
}
