package com.customerservice.adapter.kyc.smileid;

import com.customerservice.adapter.kyc.vendor.VendorFailure;
import com.customerservice.adapter.kyc.vendor.VendorHttp;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;

/**
 * The three calls of Smile ID's v1 job flow, each {@linkplain VendorHttp resilient}: {@code POST
 * upload} (announces a job, answers where to put its images), {@code PUT} of the job's zip to that
 * address, and {@code POST job_status}. Every body is signed.
 *
 * <p>A retry repeats the same request, job id included: Smile ID creates one job per job id, and
 * only the uploaded zip starts (and bills) the job, so a retry never pays or decides twice.
 */
final class SmileIdApi {
  /** Smile ID's answer to an upload whose job id exists: "did you mean to set retry to true". */
  static final String JOB_EXISTS = "2215";

  /** What {@code POST upload} answers: where to put the job's zip. */
  record Announced(URI uploadUrl, String smileJobId) {}

  private final SmileIdSettings settings;
  private final SmileIdSignature signature;
  private final Clock clock;
  private final ObjectMapper json;
  private final VendorHttp http;

  SmileIdApi(
      SmileIdSettings settings,
      SmileIdSignature signature,
      Clock clock,
      ObjectMapper json,
      VendorHttp http) {
    this.settings = settings;
    this.signature = signature;
    this.clock = clock;
    this.json = json;
    this.http = http;
  }

  /** Calls to Smile ID under {@code settings}, its error codes read off error answers. */
  static VendorHttp http(SmileIdSettings settings, ObjectMapper json) {
    return new VendorHttp("Smile ID", settings.timings(), body -> errorCode(json, body));
  }

  Announced announce(ObjectNode partnerParams) {
    ObjectNode body = signedBody();
    body.put("file_name", JobPackage.FILE_NAME);
    body.put("smile_client_id", settings.partnerId());
    body.set("partner_params", partnerParams);
    body.putObject("model_parameters");
    body.put("callback_url", settings.callbackUrl());
    body.put("source_sdk", "java");
    body.put("source_sdk_version", "customer-service");
    JsonNode answer;
    try {
      answer = http.resilient(() -> postJson("upload", body));
    } catch (VendorFailure e) {
      if (!e.hasVendorCode(JOB_EXISTS)) {
        throw e;
      }
      // An earlier try created the job but its answer was lost: Smile ID's own clients resend
      // with the retry flag, which answers the same job's upload URL instead of refusing it.
      body.put("retry", true);
      answer = http.resilient(() -> postJson("upload", body));
    }
    String uploadUrl = answer.path("upload_url").asText("");
    if (uploadUrl.isEmpty()) {
      throw VendorFailure.refusal("upload: no upload_url in Smile ID's answer");
    }
    return new Announced(URI.create(uploadUrl), answer.path("smile_job_id").asText(""));
  }

  void upload(URI uploadUrl, byte[] zip) {
    http.resilient(
        () -> {
          HttpRequest request =
              http.request(uploadUrl)
                  .header("Content-Type", "application/zip")
                  .PUT(HttpRequest.BodyPublishers.ofByteArray(zip))
                  .build();
          http.send("zip upload", request);
          return null;
        });
  }

  JsonNode jobStatus(String userId, String jobId) {
    ObjectNode body = signedBody();
    body.put("partner_id", settings.partnerId());
    body.put("user_id", userId);
    body.put("job_id", jobId);
    body.put("image_links", false);
    body.put("history", false);
    return http.resilient(() -> postJson("job_status", body));
  }

  ObjectNode signedBody() {
    SmileIdSignature.Signed signed = signature.sign(clock.instant());
    ObjectNode body = json.createObjectNode();
    body.put("timestamp", signed.timestamp());
    body.put("signature", signed.signature());
    return body;
  }

  private JsonNode postJson(String operation, ObjectNode body) {
    HttpRequest request;
    try {
      request =
          http.request(settings.baseUrl().resolve(operation))
              .header("Content-Type", "application/json")
              .header("Accept", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
              .build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a Smile ID request", e);
    }
    return http.object(operation, http.send(operation, request));
  }

  /** Smile ID's own error code (e.g. {@code 2204}), which carries no customer data; or empty. */
  private static String errorCode(ObjectMapper json, String body) {
    try {
      JsonNode error = json.readTree(body);
      String code = error == null ? "" : error.path("code").asText("");
      return code.matches("[0-9]{1,6}") ? code : "";
    } catch (JsonProcessingException e) {
      return "";
    }
  }
}
