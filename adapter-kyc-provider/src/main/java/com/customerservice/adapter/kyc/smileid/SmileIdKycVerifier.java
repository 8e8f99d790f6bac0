package com.customerservice.adapter.kyc.smileid;

import com.customerservice.adapter.kyc.vendor.JobFollowUp;
import com.customerservice.adapter.kyc.vendor.VendorFailure;
import com.customerservice.adapter.kyc.vendor.VendorHttp;
import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.kyc.DocumentExtraction;
import com.customerservice.domain.kyc.VendorJob;
import com.customerservice.domain.kyc.Verdict;
import com.customerservice.domain.port.DocumentCatalogue;
import com.customerservice.domain.port.KycVerifier;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * KYC through Smile ID's Document Verification (job type 6), built from Smile ID's server-to-server
 * v1 flow as its own libraries implement it: a signed {@code POST upload} announcing the job under
 * our job id, a {@code PUT} of a zip holding {@code info.json} with the selfie and the document's
 * pages, then {@code POST job_status} for the verdict.
 *
 * <p>Smile ID reads a document only in the same job as a selfie, so {@link #readDocument} checks
 * only that Smile ID can verify the document type and returns empty, and verdicts carry what Smile
 * ID read. {@link #submit} waits in the request only {@linkplain JobFollowUp briefly} for the
 * verdict; a job still running then is {@linkplain Submission.Submitted taken}, under our job id
 * (what Smile ID's callbacks quote), and the service {@linkplain #poll polls} it. A vendor outage
 * before the job exists (connection refused, timeouts, 5xx, 429, malformed answers past the
 * retries, an open circuit) is {@code 503}; once the job exists, an outage while waiting only
 * leaves it to the polls, so that a customer's retry never pays for a second job. An answer whose
 * signature does not verify is never believed, and a callback is only a trigger: its signature does
 * not cover its body. Customers' data never reaches a log: only operations, statuses, codes and job
 * ids do.
 */
public final class SmileIdKycVerifier implements KycVerifier {
  /** How far a callback's timestamp may be from this service's clock, either way. */
  static final Duration CALLBACK_FRESHNESS = Duration.ofMinutes(15);

  private static final Logger LOG = LoggerFactory.getLogger(SmileIdKycVerifier.class);
  private static final int DOCUMENT_VERIFICATION = 6;

  private final SmileIdSettings settings;
  private final SmileIdDocumentTypes types;
  private final SmileIdSignature signature;
  private final ObjectMapper json = new ObjectMapper();
  private final VendorHttp http;
  private final SmileIdApi api;
  private final JobFollowUp followUp;
  private final Clock clock;

  public SmileIdKycVerifier(SmileIdSettings settings, DocumentCatalogue catalogue, Clock clock) {
    this.settings = settings;
    this.types = new SmileIdDocumentTypes(catalogue);
    this.signature = new SmileIdSignature(settings.partnerId(), settings.apiKey());
    this.http = SmileIdApi.http(settings, json);
    this.api = new SmileIdApi(settings, signature, clock, json, http);
    this.followUp = new JobFollowUp("Smile ID", settings.timings(), clock);
    this.clock = clock;
  }

  @Override
  public String name() {
    return "smile_id";
  }

  @Override
  public Optional<DocumentExtraction> readDocument(DocumentCheck check) {
    types.of(check.submission().type().code());
    return Optional.empty();
  }

  @Override
  public Submission submit(SelfieCheck check) {
    VendorJob job = VendorJob.of(check.jobId());
    String userId = check.customerId().value();
    SmileIdDocumentTypes.SmileIdType type = types.of(check.document().documentType());
    ObjectNode partnerParams = json.createObjectNode();
    partnerParams.put("user_id", userId);
    partnerParams.put("job_id", check.jobId());
    partnerParams.put("job_type", DOCUMENT_VERIFICATION);
    try {
      SmileIdApi.Announced announced = api.announce(partnerParams);
      JobPackage zip =
          new JobPackage(
                  json,
                  api.signedBody(),
                  settings.partnerId(),
                  settings.callbackUrl(),
                  partnerParams,
                  type.country(),
                  type.idType(),
                  announced.uploadUrl())
              .image(JobPackage.SELFIE, check.selfie().content())
              .image(JobPackage.DOCUMENT_FRONT, check.documentFront().content());
      check.documentBack().ifPresent(back -> zip.image(JobPackage.DOCUMENT_BACK, back.content()));
      api.upload(announced.uploadUrl(), zip.zip());
    } catch (VendorFailure | CallNotPermittedException e) {
      LOG.warn("Smile ID job {} not created: {}", check.jobId(), VendorFailure.reason(e));
      throw VendorFailure.unavailable(e);
    }
    return followUp.afterSubmit(job, () -> verdict(userId, check.jobId()));
  }

  @Override
  public Poll poll(CustomerId customer, VendorJob job) {
    return followUp.poll(job, () -> verdict(customer.value(), job.reference()));
  }

  /**
   * Reads Smile ID's callback: a JSON body whose {@code timestamp} and {@code signature} are Smile
   * ID's request signature. Only the job it names is taken from it; its verdict is not, since the
   * signature does not cover the body and anyone who saw one callback can resend its signature with
   * another body.
   */
  @Override
  public CallbackReading readCallback(VendorMessage message) {
    JsonNode body;
    try {
      body = json.readTree(message.body());
    } catch (IOException e) {
      return notAuthentic("the body is not JSON");
    }
    if (body == null || !body.isObject()) {
      return notAuthentic("the body is not a JSON object");
    }
    String timestamp = body.path("timestamp").isTextual() ? body.path("timestamp").asText() : null;
    Optional<Instant> signedAt = instant(timestamp);
    if (signedAt.isEmpty()) {
      return notAuthentic("no readable timestamp");
    }
    if (Duration.between(signedAt.get(), clock.instant()).abs().compareTo(CALLBACK_FRESHNESS) > 0) {
      return notAuthentic("stale timestamp");
    }
    JsonNode signed = body.path("signature");
    if (!signature.verifies(timestamp, signed.isTextual() ? signed.asText() : null)) {
      return notAuthentic("the signature does not verify");
    }
    JsonNode jobId = body.path("PartnerParams").path("job_id");
    Optional<VendorJob> job = jobId.isTextual() ? reference(jobId.asText()) : Optional.empty();
    if (job.isEmpty()) {
      LOG.info("Smile ID callback names no job of ours");
      return new CallbackReading.AboutNoJob();
    }
    LOG.info("Smile ID callback about job {}", job.get().reference());
    return new CallbackReading.AboutJob(job.get().reference());
  }

  /** A job id a reference could be; anything else is no job this client started. */
  private static Optional<VendorJob> reference(String jobId) {
    try {
      return Optional.of(VendorJob.of(jobId));
    } catch (IllegalArgumentException notAJobId) {
      return Optional.empty();
    }
  }

  /** An ISO-8601 instant; one without an offset is read as UTC, as Smile ID's servers keep time. */
  private static Optional<Instant> instant(String timestamp) {
    if (timestamp == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(timestamp));
    } catch (DateTimeParseException withoutOffset) {
      try {
        return Optional.of(LocalDateTime.parse(timestamp).toInstant(ZoneOffset.UTC));
      } catch (DateTimeParseException unreadable) {
        return Optional.empty();
      }
    }
  }

  private static CallbackReading notAuthentic(String reason) {
    LOG.warn("Smile ID callback not authentic: {}", reason);
    return new CallbackReading.NotAuthentic(reason);
  }

  /**
   * One {@code job_status}: the verdict, or empty while the job runs. Unfinished answers decide
   * nothing and come in other signature shapes; a finished one is believed only when its signature
   * verifies.
   */
  private Optional<Verdict> verdict(String userId, String jobId) {
    JsonNode status = api.jobStatus(userId, jobId);
    if (!status.path("job_complete").asBoolean(false)) {
      return Optional.empty();
    }
    if (!signature.verifies(
        status.path("timestamp").asText(null), status.path("signature").asText(null))) {
      throw VendorFailure.refusal("job_status: the answer's signature does not verify");
    }
    JsonNode result = status.path("result");
    Optional<Verdict> verdict = DocumentVerificationResult.verdict(result);
    LOG.info(
        "Smile ID job {} complete: result code {}, verdict {}",
        jobId,
        result.path("ResultCode").asText("none"),
        verdict.map(JobFollowUp::describe).orElse("none yet"));
    return verdict;
  }

  /** Whether the circuit is letting calls through (for health and tests). */
  public boolean circuitClosed() {
    return http.circuitClosed();
  }
}
