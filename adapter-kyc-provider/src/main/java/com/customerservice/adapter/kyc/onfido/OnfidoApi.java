package com.customerservice.adapter.kyc.onfido;

import com.customerservice.adapter.kyc.vendor.VendorFailure;
import com.customerservice.adapter.kyc.vendor.VendorHttp;
import com.customerservice.domain.file.ImageType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The calls of Onfido's API v3.6 this client makes, each {@linkplain VendorHttp resilient} and
 * authenticated with {@code Authorization: Token token=…}: applicants, document and live-photo
 * uploads, checks and their reports.
 *
 * <p>Every call but one is retried on transient failures: reads change nothing, an applicant or an
 * upload made twice costs nothing and is never used twice (a check names its documents by id, and
 * its facial similarity report takes the applicant's latest live photo: the same selfie). {@link
 * #createCheck} starts a paid check, so it is tried once, and what follows a lost answer is the
 * caller's decision.
 */
final class OnfidoApi {
  /** Onfido's ids (UUIDs), the only words this client puts in a path or a query. */
  private static final Pattern ID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private static final Pattern ERROR_TYPE = Pattern.compile("[a-z_]{1,60}");

  private final OnfidoSettings settings;
  private final ObjectMapper json;
  private final VendorHttp http;

  OnfidoApi(OnfidoSettings settings, ObjectMapper json, VendorHttp http) {
    this.settings = settings;
    this.json = json;
    this.http = http;
  }

  /** Calls to Onfido under {@code settings}, its error types read off error answers. */
  static VendorHttp http(OnfidoSettings settings, ObjectMapper json) {
    return new VendorHttp("Onfido", settings.timings(), body -> errorType(json, body));
  }

  /** Whether {@code value} is shaped like an Onfido id. */
  static boolean isId(String value) {
    return ID.matcher(value).matches();
  }

  /** {@code POST applicants}: the new applicant's id. */
  String createApplicant(ObjectNode applicant) {
    return id("applicants", http.resilient(() -> sendJson("applicants", "POST", applicant)));
  }

  /** {@code PUT applicants/{id}}; a {@link VendorFailure#isNotFound} when Onfido deleted it. */
  void updateApplicant(String applicantId, ObjectNode applicant) {
    http.resilient(() -> sendJson("applicants/" + checked(applicantId), "PUT", applicant));
  }

  /** {@code POST documents} of one side of a document: the uploaded document's id. */
  String uploadDocument(Multipart document) {
    return id("documents", http.resilient(() -> sendMultipart("documents", document)));
  }

  /** {@code POST live_photos}: the selfie, which Onfido checks holds exactly one face. */
  void uploadLivePhoto(String applicantId, ImageType type, byte[] selfie) {
    Multipart photo =
        new Multipart()
            .field("applicant_id", checked(applicantId))
            .field("advanced_validation", "true")
            .file("file", "selfie." + type.formatName(), type.mediaType(), selfie);
    http.resilient(() -> sendMultipart("live_photos", photo));
  }

  /** {@code POST checks}, tried once (it starts a paid check): the check as Onfido answered it. */
  JsonNode createCheck(ObjectNode check) {
    JsonNode created = http.once(() -> sendJson("checks", "POST", check));
    id("checks", created);
    return created;
  }

  /**
   * {@code GET checks?applicant_id=}: the applicant's checks, newest first as Onfido lists them.
   */
  JsonNode checksOf(String applicantId) {
    return http.resilient(() -> get("checks", "checks?applicant_id=" + query(applicantId)))
        .path("checks");
  }

  /** {@code GET checks/{id}}. */
  JsonNode check(String checkId) {
    return http.resilient(() -> get("check", "checks/" + checked(checkId)));
  }

  /** {@code GET reports?check_id=}: the check's reports. */
  JsonNode reports(String checkId) {
    return http.resilient(() -> get("reports", "reports?check_id=" + query(checkId)))
        .path("reports");
  }

  private JsonNode get(String operation, String path) {
    return http.object(operation, http.send(operation, authorised(path).GET().build()));
  }

  private JsonNode sendJson(String operation, String method, ObjectNode body) {
    byte[] bytes;
    try {
      bytes = json.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write an Onfido request", e);
    }
    HttpRequest request =
        authorised(operation)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes))
            .build();
    return http.object(operation, http.send(operation, request));
  }

  private JsonNode sendMultipart(String operation, Multipart body) {
    HttpRequest request =
        authorised(operation)
            .header("Content-Type", body.contentType())
            .POST(body.publisher())
            .build();
    return http.object(operation, http.send(operation, request));
  }

  private HttpRequest.Builder authorised(String path) {
    return http.request(settings.baseUrl().resolve(path))
        .header("Accept", "application/json")
        .header("Authorization", "Token token=" + settings.apiToken());
  }

  /** The answer's id, when it is one: anything else is no answer this client can use. */
  private static String id(String operation, JsonNode answer) {
    String id = answer.path("id").asText("");
    if (!isId(id)) {
      throw VendorFailure.transientFailure(operation + ": no usable id in Onfido's answer", null);
    }
    return id;
  }

  private static String checked(String id) {
    if (!isId(id)) {
      throw new IllegalArgumentException("not an Onfido id");
    }
    return id;
  }

  private static String query(String id) {
    return URLEncoder.encode(checked(id), StandardCharsets.UTF_8);
  }

  /** Onfido's error type ({@code validation_error}): never its message, which may quote input. */
  private static String errorType(ObjectMapper json, String body) {
    try {
      JsonNode error = json.readTree(body);
      String type = error == null ? "" : error.path("error").path("type").asText("");
      return ERROR_TYPE.matcher(type).matches() ? type : "";
    } catch (JsonProcessingException e) {
      return "";
    }
  }
}
