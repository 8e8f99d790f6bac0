package com.customerservice.adapter.kyc.onfido;

import com.customerservice.adapter.kyc.vendor.JobFollowUp;
import com.customerservice.adapter.kyc.vendor.VendorFailure;
import com.customerservice.adapter.kyc.vendor.VendorHttp;
import com.customerservice.adapter.kyc.vendor.VendorTimings;
import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.file.StoredFile;
import com.customerservice.domain.kyc.DocumentExtraction;
import com.customerservice.domain.kyc.VendorJob;
import com.customerservice.domain.kyc.Verdict;
import com.customerservice.domain.port.DocumentCatalogue;
import com.customerservice.domain.port.KycVerifier;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * KYC through Onfido's API v3.6 without its UI SDK: the customer is an applicant (created once and
 * named by the check's {@linkplain VendorJob#subject subject} afterwards), each side of the
 * document is uploaded with Onfido's type and issuing country, the selfie as a live photo, and one
 * check runs the {@code document} and {@code facial_similarity_photo} reports. Onfido finishes a
 * check asynchronously and announces it with a webhook that carries no verdict; the verdict is read
 * from the check and its reports ({@link OnfidoCheckResult}).
 *
 * <p>Onfido reads the document only in the check, so {@link #readDocument} checks only that Onfido
 * can verify the document type and returns empty. {@link #submit} waits in the request only
 * {@linkplain JobFollowUp briefly}; a check still running then is {@linkplain Submission.Submitted
 * taken} under Onfido's check id (what its webhooks name), and the service {@linkplain #poll polls}
 * it. A vendor outage before the check exists is {@code 503}.
 *
 * <p>One paid check per selfie: creating a check is never retried blindly. A 429 did nothing and is
 * tried again; any other transient failure may have created the check with its answer lost, so the
 * applicant's checks are read first and the one tagged with this selfie's job id, if there is one,
 * is the check. Customers' data never reaches a log: only operations, statuses, Onfido's error
 * types and ids do.
 */
public final class OnfidoKycVerifier implements KycVerifier {
  /**
   * What Onfido is told of a name the customer has not entered. Onfido requires a first and a last
   * name for an applicant; a guessed name would be a claim about a person, while this word says
   * nothing. The document report then finds that the names do not match, so the check comes back
   * {@code consider} and a person compares the document with the profile: the price of knowing
   * nothing of the customer before the document.
   */
  static final String UNKNOWN_NAME = "Unknown";

  private static final Logger LOG = LoggerFactory.getLogger(OnfidoKycVerifier.class);

  private final VendorTimings timings;
  private final OnfidoDocumentTypes types;
  private final ObjectMapper json = new ObjectMapper();
  private final VendorHttp http;
  private final OnfidoApi api;
  private final OnfidoWebhook webhook;
  private final JobFollowUp followUp;

  public OnfidoKycVerifier(OnfidoSettings settings, DocumentCatalogue catalogue, Clock clock) {
    this.timings = settings.timings();
    this.types = new OnfidoDocumentTypes(catalogue);
    this.http = OnfidoApi.http(settings, json);
    this.api = new OnfidoApi(settings, json, http);
    this.webhook = new OnfidoWebhook(settings.webhookToken(), json);
    this.followUp = new JobFollowUp("Onfido", settings.timings(), clock);
  }

  @Override
  public String name() {
    return "onfido";
  }

  @Override
  public Optional<DocumentExtraction> readDocument(DocumentCheck check) {
    types.of(check.submission().type().code());
    return Optional.empty();
  }

  @Override
  public Submission submit(SelfieCheck check) {
    OnfidoDocumentTypes.OnfidoType type = types.of(check.document().documentType());
    String applicant;
    String checkId;
    try {
      applicant = applicant(check);
      List<String> documents = new ArrayList<>();
      documents.add(upload(applicant, type, "front", check.documentFront()));
      check.documentBack().ifPresent(back -> documents.add(upload(applicant, type, "back", back)));
      api.uploadLivePhoto(applicant, check.selfie().type(), check.selfie().content());
      checkId = createCheck(applicant, documents, check.jobId());
    } catch (VendorFailure | CallNotPermittedException e) {
      LOG.warn("Onfido check for job {} not created: {}", check.jobId(), VendorFailure.reason(e));
      throw VendorFailure.unavailable(e);
    }
    LOG.info("Onfido check {} created for job {}", checkId, check.jobId());
    return followUp.afterSubmit(
        new VendorJob(checkId, Optional.of(applicant)), () -> verdict(checkId));
  }

  @Override
  public Poll poll(CustomerId customer, VendorJob job) {
    if (!OnfidoApi.isId(job.reference())) {
      // Not a check this client created: no answer will ever come, the deadline decides.
      LOG.warn("Onfido job {} is not an Onfido check id", job.reference());
      return new Poll.StillPending();
    }
    return followUp.poll(job, () -> verdict(job.reference()));
  }

  @Override
  public CallbackReading readCallback(VendorMessage message) {
    CallbackReading reading = webhook.read(message);
    if (reading instanceof CallbackReading.NotAuthentic notAuthentic) {
      LOG.warn("Onfido webhook not authentic: {}", notAuthentic.reason());
    } else if (reading instanceof CallbackReading.AboutJob about) {
      LOG.info("Onfido webhook about check {}", about.reference());
    }
    return reading;
  }

  /**
   * The customer's applicant: the one an earlier check named, brought up to date with what the
   * customer entered since, or a new one when there is none or Onfido has deleted it.
   */
  private String applicant(SelfieCheck check) {
    ObjectNode details = json.createObjectNode();
    details.put("first_name", check.applicant().givenNames().orElse(UNKNOWN_NAME));
    details.put("last_name", check.applicant().surname().orElse(UNKNOWN_NAME));
    check.applicant().dateOfBirth().ifPresent(dob -> details.put("dob", dob.toString()));
    Optional<String> known = check.subject().filter(OnfidoApi::isId);
    if (known.isPresent()) {
      try {
        api.updateApplicant(known.get(), details);
        return known.get();
      } catch (VendorFailure e) {
        if (!e.isNotFound()) {
          throw e;
        }
        LOG.info("Onfido applicant of job {} no longer exists: a new one", check.jobId());
      }
    }
    return api.createApplicant(details);
  }

  private String upload(
      String applicant, OnfidoDocumentTypes.OnfidoType type, String side, StoredFile page) {
    Multipart document =
        new Multipart()
            .field("applicant_id", applicant)
            .field("type", type.type())
            .field("issuing_country", type.issuingCountry());
    if (type.hasBack()) {
      document.field("side", side);
    }
    document.file(
        "file",
        "document-" + side + "." + page.type().formatName(),
        page.type().mediaType(),
        page.content());
    return api.uploadDocument(document);
  }

  /**
   * Creates the check, tagged with {@code jobId}, at most once: see the class comment. Each retry
   * first waits as a retried call would, so that a creation Onfido was still carrying out when its
   * answer timed out has time to show; a lookup that fails ends the attempt as an outage.
   */
  private String createCheck(String applicant, List<String> documents, String jobId) {
    ObjectNode body = json.createObjectNode();
    body.put("applicant_id", applicant);
    body.putArray("report_names")
        .add(OnfidoCheckResult.DOCUMENT)
        .add(OnfidoCheckResult.FACIAL_SIMILARITY);
    documents.forEach(body.putArray("document_ids")::add);
    body.putArray("tags").add(jobId);
    for (int attempt = 1; ; attempt++) {
      try {
        return api.createCheck(body).path("id").asText();
      } catch (VendorFailure e) {
        if (!VendorHttp.worthRetrying(e)) {
          throw e;
        }
        http.pauseBeforeRetry(attempt, e);
        if (!e.isRateLimited()) {
          Optional<String> created = taggedCheck(applicant, jobId);
          if (created.isPresent()) {
            LOG.info("Onfido check for job {}: answer lost, the check found", jobId);
            return created.get();
          }
        }
        if (attempt == timings.maxAttempts()) {
          throw e;
        }
        LOG.info("Onfido check for job {} not created ({}): trying again", jobId, e.getMessage());
      }
    }
  }

  private Optional<String> taggedCheck(String applicant, String jobId) {
    for (JsonNode check : api.checksOf(applicant)) {
      for (JsonNode tag : check.path("tags")) {
        String id = check.path("id").asText("");
        if (tag.asText().equals(jobId) && OnfidoApi.isId(id)) {
          return Optional.of(id);
        }
      }
    }
    return Optional.empty();
  }

  /** The check's verdict: its state, and once it is done, its reports. */
  private Optional<Verdict> verdict(String checkId) {
    JsonNode check = api.check(checkId);
    if (OnfidoCheckResult.running(check)) {
      return Optional.empty();
    }
    Optional<Verdict> verdict = OnfidoCheckResult.verdict(check, api.reports(checkId));
    LOG.info(
        "Onfido check {} {}: result {}, verdict {}",
        checkId,
        check.path("status").asText("none"),
        check.path("result").asText("none"),
        verdict.map(JobFollowUp::describe).orElse("none yet"));
    return verdict;
  }

  /** Whether the circuit is letting calls through (for health and tests). */
  public boolean circuitClosed() {
    return http.circuitClosed();
  }
}
