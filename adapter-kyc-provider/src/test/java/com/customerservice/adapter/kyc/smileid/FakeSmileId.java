package com.customerservice.adapter.kyc.smileid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.ZipInputStream;

/**
 * A local stand-in for Smile ID's v1 job flow ({@code POST /v1/upload}, {@code PUT} of the zip,
 * {@code POST /v1/job_status}) that records what it receives, signs its job-status answers as Smile
 * ID does, and serves the failures a test scripts for each endpoint.
 */
final class FakeSmileId implements AutoCloseable {
  static final String PARTNER_ID = "2345";
  static final String API_KEY = "fake-api-key-for-tests";

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

  private final ObjectMapper json = new ObjectMapper();
  private final SmileIdSignature signature;
  private final Set<String> announcedJobs = ConcurrentHashMap.newKeySet();
  private volatile boolean unsignedWhileUnfinished;
  private final Map<String, Deque<Fault>> faults = new ConcurrentHashMap<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Map<String, JsonNode> infoByJob = new ConcurrentHashMap<>();
  private final Map<String, JsonNode> resultByJob = new ConcurrentHashMap<>();
  private volatile int pollsBeforeComplete;
  private volatile boolean forgeSignatures;
  private final long slowMillis;
  private final Javalin server;

  FakeSmileId(long slowMillis) {
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

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.port() + "/v1/");
  }

  void fail(String endpoint, Fault... script) {
    Deque<Fault> queue = faults.computeIfAbsent(endpoint, e -> new ArrayDeque<>());
    synchronized (queue) {
      queue.addAll(List.of(script));
    }
  }

  /** The result {@code job_status} answers for {@code jobId} once the job is complete. */
  void answer(String jobId, JsonNode result) {
    resultByJob.put(jobId, result);
  }

  void completeAfterPolls(int polls) {
    this.pollsBeforeComplete = polls;
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

  /** The {@code info.json} of the zip uploaded for {@code jobId}. */
  JsonNode info(String jobId) {
    return infoByJob.get(jobId);
  }

  private interface Handler {
    void handle(Context ctx, JsonNode body) throws Exception;
  }

  private void handle(String endpoint, Context ctx, Handler handler) throws Exception {
    JsonNode body = endpoint.equals("zip") ? null : json.readTree(ctx.body());
    received.add(new Received(endpoint, body));
    if (body != null
        && !signature.verifies(
            body.path("timestamp").asText(null), body.path("signature").asText(null))) {
      ctx.status(401).result("{\"code\":\"2205\",\"error\":\"You're not authorized\"}");
      return;
    }
    Fault fault = nextFault(endpoint);
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

  private Fault nextFault(String endpoint) {
    Deque<Fault> queue = faults.get(endpoint);
    if (queue == null) {
      return null;
    }
    synchronized (queue) {
      return queue.poll();
    }
  }

  private void announce(Context ctx, JsonNode body) {
    String jobId = body.path("partner_params").path("job_id").asText();
    if (!announcedJobs.add(jobId) && !body.path("retry").asBoolean(false)) {
      ctx.status(400)
          .result(
              "{\"code\":\"2215\",\"error\":\"Job already exists. Did you mean to set the"
                  + " retry flag to true\"}");
      return;
    }
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
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(ctx.bodyAsBytes()))) {
      var entry = zip.getNextEntry();
      if (entry == null || !entry.getName().equals("info.json")) {
        ctx.status(400);
        return;
      }
      infoByJob.put(ctx.pathParam("job"), json.readTree(zip.readAllBytes()));
    }
    ctx.status(200);
  }

  private final Map<String, Integer> polls = new ConcurrentHashMap<>();

  private void status(Context ctx, JsonNode body) {
    String jobId = body.path("job_id").asText();
    int poll = polls.merge(jobId, 1, Integer::sum);
    boolean complete = poll > pollsBeforeComplete && resultByJob.containsKey(jobId);
    SmileIdSignature.Signed signed = signature.sign(Instant.now());
    ObjectNode answer = json.createObjectNode();
    if (complete || !unsignedWhileUnfinished) {
      answer.put("timestamp", signed.timestamp());
      answer.put("signature", forgeSignatures ? "Zm9yZ2Vk" : signed.signature());
    }
    answer.put("job_complete", complete);
    answer.put("job_success", complete);
    answer.put("code", complete ? "2302" : "2314");
    if (complete) {
      answer.set("result", resultByJob.get(jobId));
    } else {
      answer.put("result", "Job is still processing");
    }
    ctx.json(answer);
  }

  @Override
  public void close() {
    server.stop();
  }
}
