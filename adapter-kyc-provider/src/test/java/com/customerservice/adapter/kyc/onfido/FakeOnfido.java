package com.customerservice.adapter.kyc.onfido;

import com.customerservice.adapter.kyc.vendor.FaultScript;
import com.customerservice.domain.port.KycVerifier.VendorMessage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A local stand-in for Onfido's API v3.6, built from {@code vendors.md}: applicants, documents per
 * side, live photos, checks with the {@code document} and {@code facial_similarity_photo} reports,
 * and webhooks signed with {@code X-SHA2-Signature} (computed here on its own, not by the client
 * under test). It records what it receives and serves the faults a test scripts for each endpoint.
 *
 * <p>A check runs ({@code in_progress}) when created and completes with its {@linkplain Outcome
 * outcome} the first time it is read, unless the test {@linkplain #hold holds} it until it
 * {@linkplain #finish finishes} it. A test scripts the outcome of the check that a selfie's job
 * creates by the job id (the client tags each check with it); an unscripted check is clear, or
 * {@code consider} for the reports its creation named in {@code consider}, as Onfido's sandbox
 * does. When a check completes, its {@code check.completed} webhook (or {@code check.withdrawn}) is
 * recorded and, when the test gave an address, POSTed there.
 */
public final class FakeOnfido implements AutoCloseable {
  public static final String API_TOKEN = "api_sandbox.fake-onfido-token";
  public static final String WEBHOOK_TOKEN = "fake-onfido-webhook-token";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String VERSION = "/v3.6/";

  /** A failure the next call to one endpoint answers with. */
  public enum Fault {
    SERVER_ERROR,
    /** 429 with {@code Retry-After: 0}. */
    TOO_MANY_REQUESTS,
    BAD_REQUEST,
    SLOW,
    MALFORMED,
    /** The request is carried out, but its answer is lost on the way (a gateway timeout). */
    LOST_ANSWER
  }

  /** The endpoints faults and records are kept by. */
  public static final String APPLICANTS = "applicants";

  public static final String DOCUMENTS = "documents";
  public static final String LIVE_PHOTOS = "live_photos";
  public static final String CREATE_CHECK = "create_check";
  public static final String LIST_CHECKS = "list_checks";
  public static final String GET_CHECK = "get_check";
  public static final String REPORTS = "reports";

  /** One request the fake received: its JSON body, or its form fields and file. */
  public record Received(
      String endpoint, String method, JsonNode json, Map<String, String> form, byte[] file) {}

  /** A webhook as Onfido sent it: the raw body and its signature. */
  public record Webhook(byte[] body, String signature) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    /** The webhook as the service's HTTP layer hands it over. */
    public VendorMessage message() {
      return new VendorMessage(
          body, Map.of("content-type", "application/json", "x-sha2-signature", signature));
    }
  }

  /**
   * How a check ends: its status and result, each report's status, result and sub-result, the one
   * breakdown part found wanting (if any), and the document's expiry date.
   */
  public record Outcome(
      String status,
      String result,
      String reportStatus,
      String documentResult,
      String documentSubResult,
      String faceResult,
      Optional<String> considered,
      String dateOfExpiry) {

    /** Both reports clear; the document, a valid identity card, expires on {@code dateOfExpiry}. */
    public static Outcome clear(String dateOfExpiry) {
      return new Outcome(
          "complete",
          "clear",
          "complete",
          "clear",
          "clear",
          "clear",
          Optional.empty(),
          dateOfExpiry);
    }

    public static Outcome clear() {
      return clear("2031-05-01");
    }

    /**
     * Onfido's {@code consider}: {@code part} of {@code breakdown} of {@code report} was found
     * wanting (e.g. {@code facial_similarity_photo}, {@code face_comparison}, {@code face_match}).
     */
    public static Outcome consider(String report, String breakdown, String part) {
      boolean document = report.equals("document");
      return new Outcome(
          "complete",
          "consider",
          "complete",
          document ? "consider" : "clear",
          document ? "caution" : "clear",
          document ? "clear" : "consider",
          Optional.of(report + "/" + breakdown + "/" + part),
          "2031-05-01");
    }

    /** Someone withdrew the check at Onfido: it and its reports stop. */
    public static Outcome withdrawn() {
      return new Outcome(
          "withdrawn", null, "withdrawn", null, null, null, Optional.empty(), "2031-05-01");
    }

    /** A complete check with these values, known to Onfido or not. */
    public static Outcome completeWith(String result, String documentResult, String faceResult) {
      return new Outcome(
          "complete",
          result,
          "complete",
          documentResult,
          null,
          faceResult,
          Optional.empty(),
          "2031-05-01");
    }
  }

  private static final class Check {
    final String id = UUID.randomUUID().toString();
    final String applicantId;
    final JsonNode tags;
    final Instant createdAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    volatile Outcome outcome;
    volatile boolean held;
    volatile boolean complete;

    Check(String applicantId, JsonNode tags) {
      this.applicantId = applicantId;
      this.tags = tags;
    }
  }

  private final Map<String, JsonNode> applicants = new ConcurrentHashMap<>();
  private final Map<String, JsonNode> documents = new ConcurrentHashMap<>();
  private final Map<String, Check> checks = new ConcurrentHashMap<>();
  private final List<Check> created = new CopyOnWriteArrayList<>();
  private final Map<String, Outcome> scripted = new ConcurrentHashMap<>();
  private final Map<String, Boolean> heldJobs = new ConcurrentHashMap<>();
  private final FaultScript<Fault> faults = new FaultScript<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final List<Webhook> webhooks = new CopyOnWriteArrayList<>();
  private final HttpClient sender =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private volatile boolean holdEveryCheck;
  private volatile Outcome unscripted;
  private volatile String webhookUrl;
  private final long slowMillis;
  private final Javalin server;

  public FakeOnfido(long slowMillis) {
    this.slowMillis = slowMillis;
    this.server =
        Javalin.create(
                config -> {
                  config.routes.post(
                      VERSION + "applicants",
                      ctx -> handle(APPLICANTS, ctx, this::createApplicant));
                  config.routes.put(
                      VERSION + "applicants/{id}",
                      ctx -> handle(APPLICANTS, ctx, this::updateApplicant));
                  config.routes.post(
                      VERSION + "documents", ctx -> handle(DOCUMENTS, ctx, this::uploadDocument));
                  config.routes.post(
                      VERSION + "live_photos", ctx -> handle(LIVE_PHOTOS, ctx, this::uploadPhoto));
                  config.routes.post(
                      VERSION + "checks", ctx -> handle(CREATE_CHECK, ctx, this::createCheck));
                  config.routes.get(
                      VERSION + "checks", ctx -> handle(LIST_CHECKS, ctx, this::listChecks));
                  config.routes.get(
                      VERSION + "checks/{id}", ctx -> handle(GET_CHECK, ctx, this::getCheck));
                  config.routes.get(
                      VERSION + "reports", ctx -> handle(REPORTS, ctx, this::listReports));
                })
            .start("127.0.0.1", 0);
    warmUp();
  }

  /**
   * One unauthorised call before any test's: a fresh server's first answers are slow, and a test's
   * short timeouts are for the faults it scripts.
   */
  private void warmUp() {
    try {
      sender.send(
          HttpRequest.newBuilder(baseUrl().resolve("checks?applicant_id=none")).build(),
          HttpResponse.BodyHandlers.discarding());
      received.clear();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.port() + VERSION);
  }

  public void fail(String endpoint, Fault... script) {
    faults.add(endpoint, script);
  }

  /** The check of job {@code jobId} completes with {@code outcome} when it is first read. */
  public void decide(String jobId, Outcome outcome) {
    scripted.put(jobId, outcome);
  }

  /** The check of job {@code jobId} runs until the test {@linkplain #finish finishes} it. */
  public void hold(String jobId, Outcome outcome) {
    scripted.put(jobId, outcome);
    heldJobs.put(jobId, true);
  }

  /** Every check created from now on runs until the test finishes it, or not. */
  public void holdEveryCheck(boolean hold) {
    this.holdEveryCheck = hold;
  }

  /**
   * Checks created from now on whose outcome no test scripted end with {@code outcome} (for tests
   * that cannot know the job id, the service under test making its own).
   */
  public void decideUnscriptedChecks(Outcome outcome) {
    this.unscripted = outcome;
  }

  /** Onfido finishes check {@code checkId} now with the outcome scripted for it. */
  public void finish(String checkId) {
    Check check = checks.get(checkId);
    check.held = false;
    complete(check);
  }

  /** Onfido finishes check {@code checkId} now with {@code outcome}. */
  public void finish(String checkId, Outcome outcome) {
    checks.get(checkId).outcome = outcome;
    finish(checkId);
  }

  /** Where webhooks are POSTed, besides being recorded. */
  public void sendWebhooksTo(String url) {
    this.webhookUrl = url;
  }

  /** Onfido deletes an applicant (its retention ran out). */
  public void deleteApplicant(String applicantId) {
    applicants.remove(applicantId);
  }

  public List<Received> received(String endpoint) {
    return received.stream().filter(r -> r.endpoint().equals(endpoint)).toList();
  }

  public int applicantCount() {
    return applicants.size();
  }

  /** The ids of the checks created, oldest first. */
  public List<String> checkIds() {
    return created.stream().map(c -> c.id).toList();
  }

  public List<Webhook> webhooks() {
    return List.copyOf(webhooks);
  }

  /** The last webhook about check {@code checkId}, if one was sent. */
  public Optional<Webhook> webhookAbout(String checkId) {
    Webhook last = null;
    for (Webhook webhook : webhooks) {
      if (webhook.json().path("payload").path("object").path("id").asText().equals(checkId)) {
        last = webhook;
      }
    }
    return Optional.ofNullable(last);
  }

  /** Onfido's signature: lowercase hex HMAC-SHA256 of the body, keyed with {@code token}. */
  public static String signature(String token, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A webhook body of Onfido's shape about {@code checkId}: {@code action} on a check. */
  public static byte[] webhookBody(String resourceType, String action, String id, String status) {
    ObjectNode object = JSON.createObjectNode();
    object.put("id", id);
    object.put("status", status);
    object.put("completed_at_iso8601", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    object.put("href", "https://api.eu.onfido.com/v3.6/" + resourceType + "s/" + id);
    ObjectNode payload = JSON.createObjectNode();
    payload.put("resource_type", resourceType);
    payload.put("action", action);
    payload.set("object", object);
    ObjectNode body = JSON.createObjectNode();
    body.set("payload", payload);
    return bytes(body);
  }

  // The server

  private interface Handler {
    void handle(Context ctx, Received request) throws Exception;
  }

  private void handle(String endpoint, Context ctx, Handler handler) throws Exception {
    boolean multipart = endpoint.equals(DOCUMENTS) || endpoint.equals(LIVE_PHOTOS);
    Received request = record(endpoint, ctx, multipart);
    received.add(request);
    if (!("Token token=" + API_TOKEN).equals(ctx.header("Authorization"))) {
      error(ctx, 401, "authorization_error");
      return;
    }
    Fault fault = faults.next(endpoint);
    if (fault == null) {
      handler.handle(ctx, request);
      return;
    }
    switch (fault) {
      case SERVER_ERROR -> error(ctx, 503, "internal_server_error");
      case TOO_MANY_REQUESTS -> {
        ctx.header("Retry-After", "0");
        error(ctx, 429, "rate_limit");
      }
      case BAD_REQUEST -> error(ctx, 422, "validation_error");
      case SLOW -> {
        Thread.sleep(slowMillis);
        handler.handle(ctx, request);
      }
      case MALFORMED -> ctx.status(200).result("<html>gateway</html>");
      case LOST_ANSWER -> {
        handler.handle(ctx, request);
        ctx.status(504).contentType("text/html").result("gateway timeout");
      }
    }
  }

  private static Received record(String endpoint, Context ctx, boolean multipart)
      throws IOException {
    if (!multipart) {
      byte[] body = ctx.bodyAsBytes();
      JsonNode json = body.length == 0 ? null : JSON.readTree(body);
      return new Received(endpoint, ctx.method().name(), json, Map.of(), null);
    }
    Map<String, String> form = new java.util.TreeMap<>();
    ctx.formParamMap().forEach((k, v) -> form.put(k, v.isEmpty() ? "" : v.get(0)));
    UploadedFile file = ctx.uploadedFile("file");
    byte[] content = null;
    if (file != null) {
      try (InputStream in = file.content()) {
        content = in.readAllBytes();
      }
      form.put("file.filename", file.filename());
      form.put("file.content_type", String.valueOf(file.contentType()));
    }
    return new Received(endpoint, ctx.method().name(), null, Map.copyOf(form), content);
  }

  private static void error(Context ctx, int status, String type) {
    ctx.status(status)
        .contentType("application/json")
        .result(
            "{\"error\":{\"type\":\""
                + type
                + "\",\"message\":\"Something about Ana Maria Cossa's request\",\"fields\":{}}}");
  }

  private void createApplicant(Context ctx, Received request) {
    JsonNode body = request.json();
    if (!body.path("first_name").isTextual() || !body.path("last_name").isTextual()) {
      error(ctx, 422, "validation_error");
      return;
    }
    ObjectNode applicant = ((ObjectNode) body).deepCopy();
    String id = UUID.randomUUID().toString();
    applicant.put("id", id);
    applicant.put("href", "/v3.6/applicants/" + id);
    applicants.put(id, applicant);
    ctx.status(201).contentType("application/json").result(bytes(applicant));
  }

  private void updateApplicant(Context ctx, Received request) {
    String id = ctx.pathParam("id");
    JsonNode applicant = applicants.get(id);
    if (applicant == null) {
      error(ctx, 404, "resource_not_found");
      return;
    }
    ObjectNode updated = applicant.deepCopy();
    request.json().properties().forEach(e -> updated.set(e.getKey(), e.getValue()));
    applicants.put(id, updated);
    ctx.status(200).contentType("application/json").result(bytes(updated));
  }

  private void uploadDocument(Context ctx, Received request) {
    Received upload = request;
    if (!applicants.containsKey(upload.form().getOrDefault("applicant_id", ""))) {
      error(ctx, 422, "validation_error");
      return;
    }
    if (upload.file() == null || upload.form().get("type") == null) {
      error(ctx, 422, "validation_error");
      return;
    }
    ObjectNode document = JSON.createObjectNode();
    String id = UUID.randomUUID().toString();
    document.put("id", id);
    document.put("type", upload.form().get("type"));
    upload.form().entrySet().stream()
        .filter(e -> e.getKey().equals("side") || e.getKey().equals("issuing_country"))
        .forEach(e -> document.put(e.getKey(), e.getValue()));
    document.put("file_size", upload.file().length);
    documents.put(id, document);
    ctx.status(201).contentType("application/json").result(bytes(document));
  }

  private void uploadPhoto(Context ctx, Received request) {
    Received upload = request;
    if (!applicants.containsKey(upload.form().getOrDefault("applicant_id", ""))
        || upload.file() == null) {
      error(ctx, 422, "validation_error");
      return;
    }
    ObjectNode photo = JSON.createObjectNode();
    photo.put("id", UUID.randomUUID().toString());
    photo.put("file_size", upload.file().length);
    ctx.status(201).contentType("application/json").result(bytes(photo));
  }

  private void createCheck(Context ctx, Received request) {
    JsonNode body = request.json();
    String applicantId = body.path("applicant_id").asText();
    if (!applicants.containsKey(applicantId)) {
      error(ctx, 422, "validation_error");
      return;
    }
    for (JsonNode document : body.path("document_ids")) {
      if (!documents.containsKey(document.asText())) {
        error(ctx, 422, "validation_error");
        return;
      }
    }
    Check check = new Check(applicantId, body.path("tags"));
    String jobId = body.path("tags").path(0).asText("");
    Outcome byDefault = unscripted;
    check.outcome =
        scripted.getOrDefault(jobId, byDefault == null ? sandboxOutcome(body) : byDefault);
    check.held = holdEveryCheck || heldJobs.containsKey(jobId);
    checks.put(check.id, check);
    created.add(check);
    ctx.status(201).contentType("application/json").result(bytes(checkJson(check)));
  }

  /** Onfido's sandbox: {@code consider} names the reports that come back {@code consider}. */
  private static Outcome sandboxOutcome(JsonNode body) {
    for (JsonNode report : body.path("consider")) {
      if (report.asText().equals("document")) {
        return Outcome.consider("document", "visual_authenticity", "original_document_present");
      }
      if (report.asText().equals("facial_similarity_photo")) {
        return Outcome.consider("facial_similarity_photo", "face_comparison", "face_match");
      }
    }
    return Outcome.clear();
  }

  private void listChecks(Context ctx, Received request) {
    String applicantId = ctx.queryParam("applicant_id");
    ArrayNode list = JSON.createArrayNode();
    List<Check> newestFirst = new ArrayList<>(created);
    java.util.Collections.reverse(newestFirst);
    newestFirst.stream()
        .filter(c -> c.applicantId.equals(applicantId))
        .forEach(c -> list.add(checkJson(c)));
    ObjectNode answer = JSON.createObjectNode();
    answer.set("checks", list);
    ctx.contentType("application/json").result(bytes(answer));
  }

  private void getCheck(Context ctx, Received request) {
    Check check = checks.get(ctx.pathParam("id"));
    if (check == null) {
      error(ctx, 404, "resource_not_found");
      return;
    }
    if (!check.held) {
      complete(check);
    }
    ctx.contentType("application/json").result(bytes(checkJson(check)));
  }

  private void listReports(Context ctx, Received request) {
    Check check = checks.get(ctx.queryParam("check_id"));
    ObjectNode answer = JSON.createObjectNode();
    ArrayNode reports = answer.putArray("reports");
    if (check != null && check.complete) {
      reports.add(documentReport(check));
      reports.add(faceReport(check));
    }
    ctx.contentType("application/json").result(bytes(answer));
  }

  private void complete(Check check) {
    synchronized (check) {
      if (check.complete) {
        return;
      }
      check.complete = true;
    }
    String action =
        check.outcome.status().equals("withdrawn") ? "check.withdrawn" : "check.completed";
    byte[] body = webhookBody("check", action, check.id, check.outcome.status());
    Webhook webhook = new Webhook(body, signature(WEBHOOK_TOKEN, body));
    webhooks.add(webhook);
    String url = webhookUrl;
    if (url != null) {
      post(url, webhook);
    }
  }

  private void post(String url, Webhook webhook) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(5))
            .header("Content-Type", "application/json")
            .header("X-SHA2-Signature", webhook.signature())
            .POST(HttpRequest.BodyPublishers.ofByteArray(webhook.body()))
            .build();
    try {
      sender.send(request, HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      // Onfido retries a webhook that went nowhere on its own schedule; the service polls anyway.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private ObjectNode checkJson(Check check) {
    ObjectNode json = JSON.createObjectNode();
    json.put("id", check.id);
    json.put("created_at", check.createdAt.toString());
    json.put("href", "/v3.6/checks/" + check.id);
    json.put("applicant_id", check.applicantId);
    json.set("tags", check.tags);
    json.put("status", check.complete ? check.outcome.status() : "in_progress");
    if (check.complete && check.outcome.result() != null) {
      json.put("result", check.outcome.result());
    } else {
      json.putNull("result");
    }
    json.putArray("report_ids").add(check.id + "-document").add(check.id + "-face");
    json.put("sandbox", true);
    json.put("version", "3.6");
    return json;
  }

  private static ObjectNode report(Check check, String suffix, String name, String result) {
    ObjectNode report = JSON.createObjectNode();
    report.put("id", check.id + suffix);
    report.put("name", name);
    report.put("check_id", check.id);
    report.put("status", check.outcome.reportStatus());
    if (result == null) {
      report.putNull("result");
    } else {
      report.put("result", result);
    }
    return report;
  }

  private ObjectNode documentReport(Check check) {
    Outcome outcome = check.outcome;
    ObjectNode report = report(check, "-document", "document", outcome.documentResult());
    if (outcome.documentSubResult() == null) {
      report.putNull("sub_result");
    } else {
      report.put("sub_result", outcome.documentSubResult());
    }
    ObjectNode breakdown = report.putObject("breakdown");
    breakdown(breakdown, outcome, "document", "data_comparison", "first_name", "last_name");
    breakdown(
        breakdown,
        outcome,
        "document",
        "data_validation",
        "document_expiration",
        "document_numbers");
    breakdown(
        breakdown, outcome, "document", "image_integrity", "image_quality", "supported_document");
    breakdown(
        breakdown,
        outcome,
        "document",
        "visual_authenticity",
        "original_document_present",
        "fonts");
    report.set("properties", documentRead(outcome.dateOfExpiry()));
    report.putArray("documents").addObject().put("id", "doc");
    return report;
  }

  /**
   * What a document report reads off Ana Maria Cossa's identity card (v3.6 {@code properties}),
   * which expires on {@code dateOfExpiry} and was issued ten years before.
   */
  public static ObjectNode documentRead(String dateOfExpiry) {
    ObjectNode properties = JSON.createObjectNode();
    properties.put("first_name", "Ana Maria");
    properties.put("last_name", "Cossa");
    properties.put("date_of_birth", "1991-04-12");
    properties.put("date_of_expiry", dateOfExpiry);
    properties.put("issuing_date", LocalDate.parse(dateOfExpiry).minusYears(10).toString());
    properties.put("document_type", "national_identity_card");
    properties.put("issuing_country", "MOZ");
    properties
        .putArray("document_numbers")
        .addObject()
        .put("type", "document_number")
        .put("value", "110100123456A");
    return properties;
  }

  private ObjectNode faceReport(Check check) {
    Outcome outcome = check.outcome;
    ObjectNode report = report(check, "-face", "facial_similarity_photo", outcome.faceResult());
    report.putNull("sub_result");
    ObjectNode breakdown = report.putObject("breakdown");
    breakdown(breakdown, outcome, "facial_similarity_photo", "face_comparison", "face_match");
    breakdown(
        breakdown,
        outcome,
        "facial_similarity_photo",
        "image_integrity",
        "face_detected",
        "source_integrity");
    breakdown(
        breakdown, outcome, "facial_similarity_photo", "visual_authenticity", "spoofing_detection");
    report.putObject("properties");
    return report;
  }

  /** One breakdown with its parts: clear, but for the part the outcome found wanting. */
  private static void breakdown(
      ObjectNode breakdowns, Outcome outcome, String report, String name, String... parts) {
    if (outcome.reportStatus().equals("withdrawn")) {
      return;
    }
    ObjectNode breakdown = breakdowns.putObject(name);
    ObjectNode partsNode = breakdown.putObject("breakdown");
    String result = "clear";
    for (String part : parts) {
      boolean wanting = outcome.considered().equals(Optional.of(report + "/" + name + "/" + part));
      ObjectNode node = partsNode.putObject(part);
      node.put("result", wanting ? "consider" : "clear");
      ObjectNode properties = node.putObject("properties");
      if (part.equals("face_match") || part.equals("spoofing_detection")) {
        properties.put("score", wanting ? 0.12 : 0.93);
      }
      result = wanting ? "consider" : result;
    }
    breakdown.put("result", result);
  }

  private static byte[] bytes(JsonNode node) {
    return node.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    server.stop();
  }
}
