package com.customerservice.adapter.kyc.smileid;

import com.customerservice.adapter.kyc.vendor.FaultScript;
import com.customerservice.domain.port.KycVerifier.VendorMessage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.ZipInputStream;

/**
 * A local stand-in for Smile ID's v1 job flow ({@code POST /v1/upload}, {@code PUT} of the zip,
 * {@code POST /v1/job_status}) that records what it receives, signs its job-status answers as Smile
 * ID does, and serves the failures a test scripts for each endpoint.
 *
 * <p>A job completes with the result a test {@linkplain #answer answered} as soon as its zip is
 * uploaded, or after {@linkplain #completeAfterPolls some polls}; a job with no answer runs until
 * the test {@linkplain #finish finishes} it. When a job completes, the fake POSTs Smile ID's signed
 * callback (the result, flat, with {@code signature} and {@code timestamp}) to the job's {@code
 * callback_url}, as Smile ID does.
 */
public final class FakeSmileId implements AutoCloseable {
  public static final String PARTNER_ID = "2345";
  public static final String API_KEY = "fake-api-key-for-tests";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A failure the next call to one endpoint answers with. */
  enum Fault {
    SERVER_ERROR,
    TOO_MANY_REQUESTS,
    BAD_REQUEST,
    SLOW,
    MALFORMED,
    TRUNCATED,
    /** The request is carried out, but its answer is lost on the way (a gateway timeout). */
    LOST_ANSWER
  }

  /** One request the fake received: its endpoint and its JSON body (null for a zip upload). */
  record Received(String endpoint, JsonNode body) {}

  /** A callback as Smile ID sent it: the bytes of its body. */
  public record Callback(byte[] body) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    /** The callback as the service's HTTP layer hands it over. */
    VendorMessage message() {
      return new VendorMessage(body, Map.of("content-type", "application/json"));
    }

    /** A replay: this callback's signature and timestamp over {@code otherBody}. */
    VendorMessage replayedOver(ObjectNode otherBody) {
      return new Callback(replayedBody(otherBody)).message();
    }

    /** The bytes of a replay: this callback's signature and timestamp over {@code otherBody}. */
    public byte[] replayedBody(ObjectNode otherBody) {
      ObjectNode replay = otherBody.deepCopy();
      replay.set("signature", json().get("signature"));
      replay.set("timestamp", json().get("timestamp"));
      return bytes(replay);
    }
  }

  /** One job as Smile ID keeps it. */
  private static final class Job {
    volatile JsonNode partnerParams;
    volatile String callbackUrl = "";
    volatile boolean uploaded;
    volatile JsonNode result;
    volatile boolean complete;

    /** How many polls it answered unfinished. */
    volatile int polls;
  }

  private final SmileIdSignature signature;
  private final Map<String, Job> jobs = new ConcurrentHashMap<>();
  private final FaultScript<Fault> faults = new FaultScript<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final List<Callback> sent = new CopyOnWriteArrayList<>();
  private final Map<String, JsonNode> infoByJob = new ConcurrentHashMap<>();
  private final HttpClient callbacks =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private volatile boolean unsignedWhileUnfinished;
  private volatile int pollsBeforeComplete;
  private volatile boolean forgeSignatures;
  private final long slowMillis;
  private final Javalin server;

  public FakeSmileId(long slowMillis) {
    this(slowMillis, PARTNER_ID);
  }

  /**
   * A fake of the partner {@code partnerId}: requests not signed for it are refused, as Smile ID
   * does.
   */
  FakeSmileId(long slowMillis, String partnerId) {
    this.slowMillis = slowMillis;
    this.signature = new SmileIdSignature(partnerId, API_KEY);
    this.server =
        Javalin.create(
                config -> {
                  config.routes.post("/v1/upload", ctx -> handle("upload", ctx, this::announce));
                  config.routes.put("/uploads/{job}", ctx -> handle("zip", ctx, this::store));
                  config.routes.post(
                      "/v1/job_status", ctx -> handle("job_status", ctx, this::status));
                })
            .start("127.0.0.1", 0);
  }

  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.port() + "/v1/");
  }

  void fail(String endpoint, Fault... script) {
    faults.add(endpoint, script);
  }

  /** The result {@code jobId} completes with, once uploaded (and polled enough, if so told). */
  void answer(String jobId, JsonNode result) {
    Job job = job(jobId);
    job.result = result;
    completeIfDue(jobId, job);
  }

  /** Every job completes only at the poll after {@code polls} unfinished ones. */
  void completeAfterPolls(int polls) {
    this.pollsBeforeComplete = polls;
  }

  /** Smile ID finishes {@code jobId} now with {@code result}, and calls back. */
  public void finish(String jobId, JsonNode result) {
    Job job = job(jobId);
    job.result = result;
    complete(jobId, job);
  }

  void forgeSignatures() {
    this.forgeSignatures = true;
  }

  /** Unfinished job-status answers carry no signature (a shape Smile ID also answers). */
  void leaveUnfinishedAnswersUnsigned() {
    this.unsignedWhileUnfinished = true;
  }

  List<Received> received(String endpoint) {
    return received.stream().filter(r -> r.endpoint().equals(endpoint)).toList();
  }

  /** The callbacks sent, in order, as their receivers got them. */
  public List<Callback> callbacksSent() {
    return List.copyOf(sent);
  }

  /** The {@code info.json} of the zip uploaded for {@code jobId}. */
  JsonNode info(String jobId) {
    return infoByJob.get(jobId);
  }

  // Results in the shape of Smile ID's SDKs' fixtures

  /**
   * A document verified and a matching live face: code 0810, all actions passed, the holder read.
   */
  public static ObjectNode documentVerified(String expirationDate) {
    ObjectNode result = JSON.createObjectNode();
    ObjectNode actions = result.putObject("Actions");
    actions.put("Liveness_Check", "Passed");
    actions.put("Register_Selfie", "Approved");
    actions.put("Verify_Document", "Passed");
    actions.put("Selfie_To_ID_Card_Compare", "Completed");
    actions.put("Return_Personal_Info", "Returned");
    result.put("ResultCode", "0810");
    result.put("ResultText", "Document Verified");
    result.put("ResultType", "DOC_VERIFICATION");
    result.put("SmileJobID", "0000000123");
    result.put("IsFinalResult", "true");
    result.put("FullName", "Ana Maria Cossa");
    result.put("DOB", "1991-04-12");
    result.put("IDNumber", "110100123456A");
    result.put("IDType", "IDENTITY_CARD");
    result.put("Country", "MZ");
    result.put("ExpirationDate", expirationDate);
    return result;
  }

  /** {@link #documentVerified} with {@code code} and one action in {@code state}. */
  public static ObjectNode resultWith(String code, String action, String state) {
    ObjectNode result = documentVerified("2031-05-01");
    result.put("ResultCode", code);
    ((ObjectNode) result.path("Actions")).put(action, state);
    return result;
  }

  /**
   * A final result a person at Smile ID has provisionally approved: the face compare awaits their
   * word. (Smile ID's code for it is unconfirmed; the action's state is what says it.)
   */
  public static ObjectNode provisionallyApproved() {
    ObjectNode result = resultWith("0814", "Selfie_To_ID_Card_Compare", "Provisionally Approved");
    result.put("ResultText", "Provisionally Approved");
    return result;
  }

  // The server

  private interface Handler {
    void handle(Context ctx, JsonNode body) throws Exception;
  }

  private void handle(String endpoint, Context ctx, Handler handler) throws Exception {
    JsonNode body = endpoint.equals("zip") ? null : JSON.readTree(ctx.body());
    received.add(new Received(endpoint, body));
    if (body != null
        && !signature.verifies(
            body.path("timestamp").asText(null), body.path("signature").asText(null))) {
      ctx.status(401).result("{\"code\":\"2205\",\"error\":\"You're not authorized\"}");
      return;
    }
    Fault fault = faults.next(endpoint);
    if (fault != null) {
      switch (fault) {
        case SERVER_ERROR -> ctx.status(503).result("{\"code\":\"2405\",\"error\":\"down\"}");
        case TOO_MANY_REQUESTS -> ctx.status(429).result("{\"code\":\"2429\",\"error\":\"slow\"}");
        case BAD_REQUEST -> ctx.status(400).result("{\"code\":\"2204\",\"error\":\"bad\"}");
        case SLOW -> {
          Thread.sleep(slowMillis);
          handler.handle(ctx, body);
        }
        case MALFORMED -> ctx.status(200).result("<html>gateway</html>");
        case TRUNCATED -> ctx.status(200).result("{\"upload_url\": \"http://127.0.0.1/upl");
        case LOST_ANSWER -> {
          handler.handle(ctx, body);
          ctx.status(504).result("gateway timeout");
        }
      }
      return;
    }
    handler.handle(ctx, body);
  }

  private Job job(String jobId) {
    return jobs.computeIfAbsent(jobId, id -> new Job());
  }

  private void announce(Context ctx, JsonNode body) {
    String jobId = body.path("partner_params").path("job_id").asText();
    Job job = job(jobId);
    if (job.partnerParams != null && !body.path("retry").asBoolean(false)) {
      ctx.status(400)
          .result(
              "{\"code\":\"2215\",\"error\":\"Job already exists. Did you mean to set the"
                  + " retry flag to true\"}");
      return;
    }
    job.partnerParams = body.path("partner_params");
    job.callbackUrl = body.path("callback_url").asText("");
    ctx.json(
        Map.of(
            "upload_url",
            "http://127.0.0.1:" + server.port() + "/uploads/" + jobId,
            "smile_job_id",
            "0000000123",
            "ref_id",
            "ref-" + jobId,
            "code",
            "2202"));
  }

  private void store(Context ctx, JsonNode ignored) throws IOException {
    String jobId = ctx.pathParam("job");
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(ctx.bodyAsBytes()))) {
      var entry = zip.getNextEntry();
      if (entry == null || !entry.getName().equals("info.json")) {
        ctx.status(400);
        return;
      }
      infoByJob.put(jobId, JSON.readTree(zip.readAllBytes()));
    }
    Job job = job(jobId);
    job.uploaded = true;
    completeIfDue(jobId, job);
    ctx.status(200);
  }

  private void status(Context ctx, JsonNode body) {
    String jobId = body.path("job_id").asText();
    Job job = job(jobId);
    completeIfDue(jobId, job);
    boolean complete = job.complete;
    if (!complete) {
      synchronized (job) {
        job.polls++;
      }
    }
    ObjectNode answer = JSON.createObjectNode();
    if (complete || !unsignedWhileUnfinished) {
      SmileIdSignature.Signed signed = signature.sign(Instant.now());
      answer.put("timestamp", signed.timestamp());
      answer.put("signature", forgeSignatures ? "Zm9yZ2Vk" : signed.signature());
    }
    answer.put("job_complete", complete);
    answer.put("job_success", complete);
    answer.put("code", complete ? "2302" : "2314");
    if (complete) {
      answer.set("result", job.result);
    } else {
      answer.put("result", "Job is still processing");
    }
    ctx.json(answer);
  }

  private void completeIfDue(String jobId, Job job) {
    if (job.uploaded && job.result != null && job.polls >= pollsBeforeComplete) {
      complete(jobId, job);
    }
  }

  /** The job is complete: its result names it as Smile ID's do, and its callback goes out once. */
  private void complete(String jobId, Job job) {
    synchronized (job) {
      if (job.result.isObject() && job.partnerParams != null) {
        ObjectNode named = job.result.deepCopy();
        named.set("PartnerParams", job.partnerParams);
        job.result = named;
      }
      if (job.complete) {
        return;
      }
      job.complete = true;
    }
    callBack(job);
  }

  private void callBack(Job job) {
    if (job.callbackUrl.isEmpty() || !job.result.isObject()) {
      return;
    }
    ObjectNode body = job.result.deepCopy();
    SmileIdSignature.Signed signed = signature.sign(Instant.now());
    body.put("signature", signed.signature());
    body.put("timestamp", signed.timestamp());
    sent.add(new Callback(bytes(body)));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(job.callbackUrl))
            .timeout(Duration.ofSeconds(2))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body)))
            .build();
    try {
      callbacks.send(request, HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      // Smile ID does not fail a job whose callback went nowhere: the partner polls.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static byte[] bytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop();
  }
}
