package com.customerservice.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerservice.adapter.http.ApiClient.Multipart;
import com.customerservice.adapter.http.auth.ApiKey;
import com.customerservice.adapter.http.auth.Scope;
import com.customerservice.domain.event.CustomerEvent;
import com.customerservice.domain.event.EventType;
import com.customerservice.domain.fixtures.TestImages;
import com.customerservice.domain.kyc.KycCheck;
import com.customerservice.domain.kyc.Refusal;
import com.customerservice.domain.kyc.Verdict;
import com.customerservice.testkit.fakes.ScriptedKycVerifier;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A KYC verdict that comes later, over HTTP: the pending answer, one check at a time, the case for
 * the back office, and the vendor's callback (no API key, its own signature) as a trigger.
 */
class KycLateVerdictApiTest extends ApiTestSupport {
  private static final String APP = "Bearer sk_test_mobile_app";
  private static final String OFFICE = "Bearer sk_test_back_office";
  private String id;
  private String reference;

  @Override
  protected List<ApiKey> apiKeys() {
    return List.of(
        ApiKey.of("mobile-app", EnumSet.of(Scope.CUSTOMERS), "sk_test_mobile_app"),
        ApiKey.of("back-office", EnumSet.of(Scope.BACK_OFFICE), "sk_test_back_office"));
  }

  @BeforeEach
  void aCustomerWithADocument() {
    id = app.onboard("+258830000001").value();
    reference =
        as(APP)
            .postMultipart(
                "/v1/customers/" + id + "/upload-document",
                new Multipart()
                    .text("doc_type", "MZ_PASSPORT")
                    .file("image1", "front.jpg", "image/jpeg", TestImages.jpeg(64, 40)))
            .json()
            .path("reference")
            .asText();
    app.kyc.decideLater();
  }

  private ApiClient as(String authorization) {
    return new ApiClient("http://127.0.0.1:" + server.port())
        .withHeader("Authorization", authorization);
  }

  private ApiClient.Reply selfie() {
    return as(APP)
        .postMultipart(
            "/v1/customers/" + id + "/upload-selfie",
            new Multipart()
                .text("reference", reference)
                .file("image", "me.jpg", "image/jpeg", TestImages.jpeg(48, 64)));
  }

  private ApiClient.Reply callback(String provider, String job, String signature) {
    return api.send(
        "POST",
        "/v1/kyc/callbacks/" + provider,
        "application/json",
        ScriptedKycVerifier.callbackAbout(job),
        signature == null ? Map.of() : Map.of("Signature", signature),
        true);
  }

  private JsonNode kycCase() {
    return as(OFFICE).get("/v1/customers/" + id + "/kyc").json();
  }

  private String kycStatus() {
    return as(APP).get("/v1/customers/" + id).json().path("customer").path("kyc_status").asText();
  }

  private String pendingJob() {
    return app.storage.kycChecks().all().stream()
        .filter(KycCheck::isPending)
        .findFirst()
        .orElseThrow()
        .job()
        .reference();
  }

  private List<EventType> eventTypes() {
    return app.events.all().stream().map(CustomerEvent::type).toList();
  }

  @Test
  void aSelfieTheVendorHasNotDecidedAnswersProcessingAndTheCheckWaits() {
    var reply = selfie();
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().path("status").asBoolean()).isFalse();
    assertThat(reply.json().path("result").asText()).isEqualTo("processing");
    assertThat(kycStatus()).isEqualTo("pending");

    JsonNode kyc = kycCase();
    assertThat(kyc.path("object").asText()).isEqualTo("kyc_case");
    assertThat(kyc.path("kyc_status").asText()).isEqualTo("pending");
    assertThat(kyc.path("open_review").isNull()).isTrue();
    assertThat(kyc.path("document").path("doc_type").asText()).isEqualTo("MZ_PASSPORT");
    assertThat(kyc.path("document").path("extracted").path("id_number").asText())
        .isEqualTo("***encrypted***");
    JsonNode check = kyc.path("checks").get(0);
    assertThat(check.path("object").asText()).isEqualTo("kyc_check");
    assertThat(check.path("id").asText()).matches("kyc_[A-Za-z0-9]{24}");
    assertThat(check.path("status").asText()).isEqualTo("pending");
    assertThat(check.path("result").isNull()).isTrue();
    assertThat(check.path("vendor").asText()).isEqualTo("scripted");
    assertThat(check.path("vendor_reference").asText()).isEqualTo(pendingJob());
    assertThat(check.path("document_reference").asText()).isEqualTo(reference);
  }

  @Test
  void anotherSelfieOrDocumentWhileACheckIsPendingIs409BeforeTheVendorIsPaid() {
    selfie();
    int vendorCalls = app.kyc.selfieChecks().size();
    var again = selfie();
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.errorCode()).isEqualTo("kyc_check_in_progress");
    var document =
        as(APP)
            .postMultipart(
                "/v1/customers/" + id + "/upload-document",
                new Multipart()
                    .text("doc_type", "MZ_PASSPORT")
                    .file("image1", "front.jpg", "image/jpeg", TestImages.jpeg(64, 40)));
    assertThat(document.status()).isEqualTo(409);
    assertThat(document.errorCode()).isEqualTo("kyc_check_in_progress");
    var reopen =
        as(OFFICE).send("POST", "/v1/customers/" + id + "/kyc/reopen", null, null, Map.of(), true);
    assertThat(reopen.status()).isEqualTo(409);
    assertThat(reopen.errorCode()).isEqualTo("kyc_check_in_progress");
    assertThat(app.kyc.selfieChecks()).hasSize(vendorCalls);
    assertThat(app.kyc.documentChecks()).hasSize(1);
  }

  @Test
  void theServicePollsAndAppliesTheVerdictWhenTheVendorGivesIt() {
    selfie();
    app.clock.advance(Duration.ofSeconds(10));
    app.runBackgroundWork();
    assertThat(app.kyc.polls()).hasSize(1);
    assertThat(kycStatus()).isEqualTo("pending");

    app.kyc.decide(pendingJob(), ScriptedKycVerifier.approved());
    app.clock.advance(Duration.ofSeconds(10));
    app.runBackgroundWork();
    assertThat(kycStatus()).isEqualTo("verified");
    JsonNode check = kycCase().path("checks").get(0);
    assertThat(check.path("status").asText()).isEqualTo("decided");
    assertThat(check.path("result").asText()).isEqualTo("verified");
    assertThat(check.path("decided_at").asText()).isNotBlank();
    assertThat(eventTypes()).containsOnlyOnce(EventType.KYC_VERIFIED);
  }

  @Test
  void anAuthenticCallbackTriggersAReadOfTheVerdictWhichIsAppliedOnce() {
    selfie();
    String job = pendingJob();
    app.kyc.decide(job, new Verdict.Refused(Refusal.FACE_MISMATCH));
    var first = callback("scripted", job, ScriptedKycVerifier.AUTHENTIC);
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.json().path("received").asBoolean()).isTrue();
    var replayed = callback("scripted", job, ScriptedKycVerifier.AUTHENTIC);
    assertThat(replayed.status()).isEqualTo(200);

    app.clock.advance(Duration.ofMinutes(1));
    app.runBackgroundWork(); // the poll finds nothing left to decide
    assertThat(eventTypes()).containsOnlyOnce(EventType.KYC_SELFIE_FAILED);
    assertThat(
            as(OFFICE).get("/v1/customers/" + id + "/kyc").json().path("failed_attempts").asInt())
        .isEqualTo(1);
    assertThat(kycCase().path("checks").get(0).path("result").asText()).isEqualTo("match");
  }

  @Test
  void aForgedCallbackIs401AndChangesNothing() {
    selfie();
    String job = pendingJob();
    app.kyc.decide(job, ScriptedKycVerifier.approved());
    var forged = callback("scripted", job, "forged");
    assertThat(forged.status()).isEqualTo(401);
    assertThat(forged.errorCode()).isEqualTo("signature_invalid");
    assertThat(forged.json().path("error").path("type").asText()).isEqualTo("authentication_error");
    assertThat(callback("scripted", job, null).status()).isEqualTo(401);
    assertThat(kycStatus()).isEqualTo("pending");
    assertThat(app.kyc.polls()).isEmpty();
  }

  @Test
  void aCallbackForAJobTheServiceDoesNotKnowOrHasDecidedIs200AndChangesNothing() {
    var unknown = callback("scripted", "job-unknown", ScriptedKycVerifier.AUTHENTIC);
    assertThat(unknown.status()).isEqualTo(200);
    var aboutNothing = callback("scripted", "", ScriptedKycVerifier.AUTHENTIC);
    assertThat(aboutNothing.status()).isEqualTo(200);
    assertThat(app.kyc.polls()).isEmpty();
    assertThat(eventTypes()).doesNotContain(EventType.KYC_VERIFIED);
  }

  @Test
  void aCallbackToAVendorNotSetUpIs404() {
    var reply = callback("onfido", "x", ScriptedKycVerifier.AUTHENTIC);
    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.errorCode()).isEqualTo("resource_missing");
  }

  @Test
  void aCallbackBodyOverTwoMebibytesIs413() {
    byte[] body = new byte[2 * 1024 * 1024 + 1];
    var reply =
        api.send(
            "POST",
            "/v1/kyc/callbacks/scripted",
            "application/json",
            body,
            Map.of("Signature", ScriptedKycVerifier.AUTHENTIC),
            false);
    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.errorCode()).isEqualTo("request_too_large");
  }

  @Test
  void theCaseIsForTheBackOfficeOnly() {
    var reply = as(APP).get("/v1/customers/" + id + "/kyc");
    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.errorCode()).isEqualTo("insufficient_scope");
    assertThat(api.get("/v1/customers/" + id + "/kyc").status()).isEqualTo(401);
    assertThat(as(OFFICE).get("/v1/customers/cus_" + "x".repeat(24) + "/kyc").status())
        .isEqualTo(404);
  }

  @Test
  void atTheDeadlineAReviewOpensAndTheCaseNamesIt() {
    selfie();
    app.clock.advance(Duration.ofHours(24));
    app.runBackgroundWork();
    JsonNode kyc = kycCase();
    assertThat(kyc.path("checks").get(0).path("status").asText()).isEqualTo("expired");
    assertThat(kyc.path("open_review").asText()).matches("rev_[A-Za-z0-9]{24}");
    assertThat(kyc.path("kyc_status").asText()).isEqualTo("pending");
    CustomerEvent opened =
        app.events.all().stream()
            .filter(e -> e.type() == EventType.KYC_REVIEW_REQUIRED)
            .findFirst()
            .orElseThrow();
    assertThat(opened.actor().type().code()).isEqualTo("system");
    assertThat(opened.actor().name()).isEqualTo("scheduler");
    assertThat(opened.data().values()).containsEntry("reason", "vendor_timeout");
    // Still one check at a time: the review stands for it.
    assertThat(selfie().errorCode()).isEqualTo("kyc_check_in_progress");
  }
}
