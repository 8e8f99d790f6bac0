package com.customerservice.adapter.kyc.smileid;

import com.customerservice.domain.error.DependencyUnavailableException;
import com.customerservice.domain.kyc.DocumentExtraction;
import com.customerservice.domain.kyc.SelfieResult;
import com.customerservice.domain.port.DocumentCatalogue;
import com.customerservice.domain.port.KycVerifier;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * KYC through Smile ID's Document Verification (job type 6), built from Smile ID's server-to-server
 * v1 flow as its own libraries implement it: a signed {@code POST upload} announcing the job under
 * our job id, a {@code PUT} of a zip holding {@code info.json} with the selfie and the document's
 * pages, then {@code POST job_status} until the job completes.
 *
 * <p>Smile ID reads a document only in the same job as a selfie, so {@link #readDocument} checks
 * only that Smile ID can verify the document type and returns empty, and a match carries what Smile
 * ID read. A vendor outage (connection refused, timeouts, 5xx, 429, malformed answers past the
 * retries, an open circuit) is {@code 503}; a job that does not finish in time, or a result this
 * client cannot read with certainty, is "processing". An answer whose signature does not verify is
 * never believed. Customers' data never reaches a log: only operations, statuses and job ids do.
 */
public final class SmileIdKycVerifier implements KycVerifier {
  private static final Logger LOG = LoggerFactory.getLogger(SmileIdKycVerifier.class);
  private static final int DOCUMENT_VERIFICATION = 6;

  private final SmileIdSettings settings;
  private final SmileIdDocumentTypes types;
  private final SmileIdSignature signature;
  private final ObjectMapper json = new ObjectMapper();
  private final CircuitBreaker breaker;
  private final SmileIdApi api;
  private final Clock clock;

  public SmileIdKycVerifier(SmileIdSettings settings, DocumentCatalogue catalogue, Clock clock) {
    this.settings = settings;
    this.types = new SmileIdDocumentTypes(catalogue);
    this.signature = new SmileIdSignature(settings.partnerId(), settings.apiKey());
    this.breaker = SmileIdApi.circuitBreaker(settings);
    this.api = new SmileIdApi(settings, signature, clock, json, breaker);
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
  public SelfieResult checkSelfie(SelfieCheck check) {
    String userId = check.customerId().value();
    SmileIdDocumentTypes.SmileIdType type = types.of(check.document().documentType());
    ObjectNode partnerParams = json.createObjectNode();
    partnerParams.put("user_id", userId);
    partnerParams.put("job_id", check.jobId());
    partnerParams.put("job_type", DOCUMENT_VERIFICATION);
    try {
      SmileIdApi.Announced job = api.announce(partnerParams);
      JobPackage zip =
          new JobPackage(
                  json,
                  api.signedBody(),
                  settings.partnerId(),
                  settings.callbackUrl(),
                  partnerParams,
                  type.country(),
                  type.idType(),
                  job.uploadUrl())
              .image(JobPackage.SELFIE, check.selfie().content())
              .image(JobPackage.DOCUMENT_FRONT, check.documentFront().content());
      check.documentBack().ifPresent(back -> zip.image(JobPackage.DOCUMENT_BACK, back.content()));
      api.upload(job.uploadUrl(), zip.zip());
      return awaitResult(userId, check.jobId());
    } catch (VendorFailure e) {
      LOG.warn("Smile ID job {} failed: {}", check.jobId(), e.getMessage());
      throw unavailable(e);
    } catch (CallNotPermittedException e) {
      LOG.warn("Smile ID circuit open; job {} not sent", check.jobId());
      throw unavailable(e);
    }
  }

  private SelfieResult awaitResult(String userId, String jobId) {
    Instant deadline = clock.instant().plus(settings.jobDeadline());
    while (true) {
      JsonNode status = api.jobStatus(userId, jobId);
      // Unfinished answers decide nothing and come in other signature shapes: keep polling them.
      // A finished one is acted on only when its signature verifies.
      if (status.path("job_complete").asBoolean(false)) {
        if (!signature.verifies(
            status.path("timestamp").asText(null), status.path("signature").asText(null))) {
          throw VendorFailure.refusal("job_status: the answer's signature does not verify");
        }
        SelfieResult outcome = DocumentVerificationResult.outcome(status.path("result"));
        LOG.info(
            "Smile ID job {} complete: result code {}, outcome {}",
            jobId,
            status.path("result").path("ResultCode").asText("none"),
            outcome.code() == null ? "match" : outcome.code());
        return outcome;
      }
      if (!clock.instant().plus(settings.pollInterval()).isBefore(deadline)) {
        LOG.warn("Smile ID job {} not complete after {}", jobId, settings.jobDeadline());
        return new SelfieResult.ProcessingError();
      }
      sleep();
    }
  }

  private void sleep() {
    try {
      Thread.sleep(settings.pollInterval().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw VendorFailure.refusal("job_status: interrupted while waiting");
    }
  }

  private static DependencyUnavailableException unavailable(RuntimeException cause) {
    return new DependencyUnavailableException(
        "kyc_provider_unavailable", "The identity verification provider is unavailable", cause);
  }

  /** Whether the circuit is letting calls through (for health and tests). */
  public boolean circuitClosed() {
    return breaker.getState() == CircuitBreaker.State.CLOSED;
  }
}
