package com.customerservice.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerservice.adapter.http.ApiClient.Multipart;
import com.customerservice.domain.customer.SensitiveId;
import com.customerservice.domain.fixtures.TestImages;
import com.customerservice.domain.kyc.DocumentExtraction;
import com.customerservice.domain.kyc.Refusal;
import com.customerservice.domain.kyc.VendorFindings;
import com.customerservice.domain.kyc.Verdict;
import com.customerservice.testkit.fakes.ScriptedKycVerifier;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KycApiTest extends ApiTestSupport {
  private final byte[] front = TestImages.jpeg(64, 40);
  private final byte[] back = TestImages.png(64, 40);
  private String id;

  @BeforeEach
  void customer() {
    id = onboard("+258830000000");
  }

  private ApiClient.Reply uploadIdCard() {
    return api.postMultipart(
        "/v1/customers/" + id + "/upload-document",
        new Multipart()
            .text("doc_type", "MZ_BI")
            .file("image1", "front.jpg", "image/jpeg", front)
            .file("image2", "back.png", "image/png", back));
  }

  private ApiClient.Reply selfie(String reference) {
    return api.postMultipart(
        "/v1/customers/" + id + "/upload-selfie",
        new Multipart()
            .text("reference", reference)
            .file("image", "me.jpg", "image/jpeg", TestImages.jpeg(48, 64)));
  }

  @Test
  void supportedDocumentsAreListed() {
    var reply = api.get("/v1/customers/supported-documents");
    JsonNode first = reply.json().path("data").get(0);
    assertThat(first.path("object").asText()).isEqualTo("document_type");
    assertThat(first.path("code").asText()).isEqualTo("MZ_BI");
    assertThat(first.path("has_back").asBoolean()).isTrue();
    assertThat(reply.json().path("has_more").asBoolean()).isFalse();
  }

  @Test
  void anAcceptedDocumentAnswersTheSpecsFieldsAndMakesTheCasePending() {
    var reply = uploadIdCard();
    assertThat(reply.status()).isEqualTo(200);
    JsonNode d = reply.json();
    assertThat(d.path("name").asText()).isEqualTo("Jane Machava");
    assertThat(d.path("date_of_birth").asText()).isEqualTo("1990-01-15");
    assertThat(d.path("id_number").asText()).isEqualTo("110100123456A");
    assertThat(d.path("issued_at").asText()).isEqualTo("2020-01-01");
    assertThat(d.path("expires_at").asText()).isEqualTo("2030-01-01");
    assertThat(d.path("reference").asText()).matches("ref_[A-Za-z0-9]{24}");
    assertThat(Base64.getDecoder().decode(d.path("image1").asText())).isEqualTo(front);
    assertThat(Base64.getDecoder().decode(d.path("image2").asText())).isEqualTo(back);
    assertThat(api.get("/v1/customers/" + id).json().path("customer").path("kyc_status").asText())
        .isEqualTo("pending");
  }

  @Test
  void aMatchingSelfieVerifiesTheCustomer() {
    String reference = uploadIdCard().json().path("reference").asText();
    var reply = selfie(reference);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().path("status").asBoolean()).isTrue();
    assertThat(reply.json().path("result").isNull()).isTrue();
    assertThat(reply.json().path("description").isNull()).isTrue();
    JsonNode customer = api.get("/v1/customers/" + id).json().path("customer");
    assertThat(customer.path("kyc_status").asText()).isEqualTo("verified");
    assertThat(customer.path("first_name").asText()).isEqualTo("Jane");
    assertThat(customer.path("nationality_id").asText()).isEqualTo("***encrypted***");
  }

  @Test
  void theVerifiedIdentityCannotBeRewrittenAndPayersStillSeeIt() {
    selfie(uploadIdCard().json().path("reference").asText());
    var rewrite =
        api.putJson(
            "/v1/customers/" + id, "{\"first_name\":\"Mallory\",\"last_name\":\"Impostor\"}");
    assertThat(rewrite.status()).isEqualTo(409);
    assertThat(rewrite.errorCode()).isEqualTo("identity_verified");
    assertThat(rewrite.errorParam()).isEqualTo("first_name");
    var receiver = api.get("/v1/customers/get-receiver/%2B258830000000").json();
    assertThat(receiver.path("first_name").asText()).isEqualTo("Jane");
    assertThat(receiver.path("last_name").asText()).isEqualTo("Machava");
    var email = api.putJson("/v1/customers/" + id, "{\"email\":\"jane@example.com\"}");
    assertThat(email.status()).isEqualTo(200);
    assertThat(email.json().path("customer").path("kyc_status").asText()).isEqualTo("verified");
    assertThat(uploadIdCard().errorCode()).isEqualTo("identity_verified");
  }

  @Test
  void withAProviderThatReadsOnlyWithTheSelfieTheFieldsAreNullUntilTheSelfieMatches() {
    app.kyc.readDocumentsOnlyWithTheSelfie();
    var uploaded = uploadIdCard();
    assertThat(uploaded.status()).isEqualTo(200);
    for (String field :
        new String[] {"name", "date_of_birth", "id_number", "issued_at", "expires_at", "address"}) {
      assertThat(uploaded.json().has(field)).as(field).isTrue();
      assertThat(uploaded.json().path(field).isNull()).as(field).isTrue();
    }
    app.kyc.answerSelfie(
        new Verdict.Approved(
            Optional.of(ScriptedKycVerifier.VALID_DOCUMENT), VendorFindings.none()));
    assertThat(selfie(uploaded.json().path("reference").asText()).json().path("status").asBoolean())
        .isTrue();
    JsonNode customer = api.get("/v1/customers/" + id).json().path("customer");
    assertThat(customer.path("kyc_status").asText()).isEqualTo("verified");
    assertThat(customer.path("last_name").asText()).isEqualTo("Machava");
  }

  @Test
  void aDocumentFoundExpiredInTheSelfieJobIs422() {
    app.kyc.readDocumentsOnlyWithTheSelfie();
    String reference = uploadIdCard().json().path("reference").asText();
    app.kyc.answerSelfie(
        new Verdict.Approved(
            Optional.of(
                new DocumentExtraction(
                    "Jane",
                    "Machava",
                    null,
                    SensitiveId.of("id_number", "X1"),
                    null,
                    LocalDate.of(2020, 1, 1),
                    null)),
            VendorFindings.none()));
    var reply = selfie(reference);
    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.errorCode()).isEqualTo("document_expired");
    assertThat(reply.json().path("error").path("param").asText()).isEqualTo("reference");
  }

  @Test
  void aFailedSelfieIs200WithTheResultAndTheThirdRejects() {
    String reference = uploadIdCard().json().path("reference").asText();
    app.kyc.answerSelfie(new Verdict.Refused(Refusal.FACE_MISMATCH));
    var reply = selfie(reference);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().path("status").asBoolean()).isFalse();
    assertThat(reply.json().path("result").asText()).isEqualTo("match");
    assertThat(reply.json().path("description").asText())
        .isEqualTo("Face does not match the document photo");
    app.kyc.answerSelfie(new Verdict.Refused(Refusal.NOT_LIVE));
    assertThat(selfie(reference).json().path("result").asText()).isEqualTo("live");
    selfie(reference);
    assertThat(api.get("/v1/customers/" + id).json().path("customer").path("kyc_status").asText())
        .isEqualTo("rejected");
    var after = selfie(reference);
    assertThat(after.status()).isEqualTo(422);
    assertThat(after.errorCode()).isEqualTo("kyc_rejected");
    assertThat(after.json().path("error").path("type").asText()).isEqualTo("kyc_error");
  }

  @Test
  void anExpiredDocumentIs422() {
    app.kyc.answerDocument(
        new DocumentExtraction(
            "Jane",
            "Machava",
            LocalDate.of(1990, 1, 15),
            SensitiveId.of("id_number", "X1"),
            LocalDate.of(2010, 1, 1),
            LocalDate.of(2020, 1, 1),
            null));
    var reply = uploadIdCard();
    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.errorCode()).isEqualTo("document_expired");
  }

  @Test
  void aVendorOutageIs503AndNeverAVerdict() {
    String reference = uploadIdCard().json().path("reference").asText();
    app.kyc.setDown(true);
    var reply = selfie(reference);
    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.errorCode()).isEqualTo("kyc_provider_unavailable");
    assertThat(api.get("/v1/customers/" + id).json().path("customer").path("kyc_status").asText())
        .isEqualTo("pending");
  }

  @Test
  void anUnknownDocumentTypeIs400() {
    var reply =
        api.postMultipart(
            "/v1/customers/" + id + "/upload-document",
            new Multipart()
                .text("doc_type", "XX_CARD")
                .file("image1", "f.jpg", "image/jpeg", front));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorParam()).isEqualTo("doc_type");
  }

  @Test
  void missingPartsAre400NamingThem() {
    var noType =
        api.postMultipart(
            "/v1/customers/" + id + "/upload-document",
            new Multipart().file("image1", "f.jpg", "image/jpeg", front));
    assertThat(noType.status()).isEqualTo(400);
    assertThat(noType.errorParam()).isEqualTo("doc_type");
    var noFront =
        api.postMultipart(
            "/v1/customers/" + id + "/upload-document",
            new Multipart().text("doc_type", "MZ_PASSPORT"));
    assertThat(noFront.errorParam()).isEqualTo("image1");
    var noBack =
        api.postMultipart(
            "/v1/customers/" + id + "/upload-document",
            new Multipart().text("doc_type", "MZ_BI").file("image1", "f.jpg", "image/jpeg", front));
    assertThat(noBack.status()).isEqualTo(400);
    assertThat(noBack.errorParam()).isEqualTo("image2");
    var backForPassport =
        api.postMultipart(
            "/v1/customers/" + id + "/upload-document",
            new Multipart()
                .text("doc_type", "MZ_PASSPORT")
                .file("image1", "f.jpg", "image/jpeg", front)
                .file("image2", "b.png", "image/png", back));
    assertThat(backForPassport.status()).isEqualTo(400);
    assertThat(backForPassport.errorParam()).isEqualTo("image2");
    var noReference =
        api.postMultipart(
            "/v1/customers/" + id + "/upload-selfie",
            new Multipart().file("image", "me.jpg", "image/jpeg", front));
    assertThat(noReference.errorParam()).isEqualTo("reference");
  }

  @Test
  void anEmptyFileIs400() {
    var reply =
        api.postMultipart(
            "/v1/customers/" + id + "/upload-document",
            new Multipart()
                .text("doc_type", "MZ_PASSPORT")
                .file("image1", "f.jpg", "image/jpeg", new byte[0]));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorParam()).isEqualTo("image1");
  }

  @Test
  void aFileThatIsNotAnImageIs415WhateverItsDeclaredType() {
    var reply =
        api.postMultipart(
            "/v1/customers/" + id + "/upload-document",
            new Multipart()
                .text("doc_type", "MZ_PASSPORT")
                .file(
                    "image1",
                    "f.jpg",
                    "image/jpeg",
                    "%PDF-1.7 not an image".getBytes(StandardCharsets.US_ASCII)));
    assertThat(reply.status()).isEqualTo(415);
    assertThat(reply.errorCode()).isEqualTo("image_invalid");
    assertThat(reply.errorParam()).isEqualTo("image1");
  }

  @Test
  void anImageOverTenMebibytesIs413() {
    byte[] big = new byte[11 * 1024 * 1024];
    System.arraycopy(front, 0, big, 0, front.length);
    var reply =
        api.postMultipart(
            "/v1/customers/" + id + "/upload-document",
            new Multipart()
                .text("doc_type", "MZ_PASSPORT")
                .file("image1", "f.jpg", "image/jpeg", big));
    assertThat(reply.status()).isEqualTo(413);
  }

  @Test
  void aJsonBodyOnAMultipartRouteIs415() {
    var reply =
        api.send(
            "POST",
            "/v1/customers/" + id + "/upload-document",
            "application/json",
            "{\"doc_type\":\"MZ_BI\"}".getBytes(StandardCharsets.UTF_8),
            Map.of(),
            true);
    assertThat(reply.status()).isEqualTo(415);
  }

  @Test
  void uploadsForAnUnknownCustomerAre404() {
    var reply =
        api.postMultipart(
            "/v1/customers/cus_abcdefghijklmnopqrstuvwx/upload-document",
            new Multipart()
                .text("doc_type", "MZ_PASSPORT")
                .file("image1", "f.jpg", "image/jpeg", front));
    assertThat(reply.status()).isEqualTo(404);
  }

  @Test
  void aReferenceOfAnotherCustomerIs404() {
    String reference = uploadIdCard().json().path("reference").asText();
    id = onboard("+258830000001");
    var reply = selfie(reference);
    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.errorParam()).isEqualTo("reference");
  }
}
