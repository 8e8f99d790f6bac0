package com.customerservice.adapter.kyc.smileid;

import com.customerservice.domain.customer.SensitiveId;
import com.customerservice.domain.error.InvalidValueException;
import com.customerservice.domain.kyc.DocumentExtraction;
import com.customerservice.domain.kyc.KycReview;
import com.customerservice.domain.kyc.Refusal;
import com.customerservice.domain.kyc.VendorFindings;
import com.customerservice.domain.kyc.Verdict;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the result of a Smile ID Document Verification job (job type 6) as a verdict, keyed on the
 * result code and the actions, as {@code vendors.md} lists them; the first row that applies wins:
 *
 * <table>
 *   <caption>Smile ID's final result and the verdict</caption>
 *   <tr><th>result</th><th>verdict</th></tr>
 *   <tr><td>{@code IsFinalResult} other than "true", or no result object</td><td>none yet</td></tr>
 *   <tr><td>{@code PartnerParams.job_type} other than 6</td><td>review, unknown result</td></tr>
 *   <tr><td>{@code Verify_Document} failed, or code 0812, 0813</td><td>document unverified</td></tr>
 *   <tr><td>{@code Liveness_Check} failed</td><td>not live</td></tr>
 *   <tr><td>{@code Selfie_To_ID_Card_Compare} failed, or code 0811</td><td>face mismatch</td></tr>
 *   <tr><td>0810, document and face compare passed, liveness passed or absent</td>
 *       <td>approved, with the holder read when Smile ID returned one</td></tr>
 *   <tr><td>an action in a review state (under review, provisionally approved, sent to human
 *       review, unable to determine)</td><td>review, the vendor's</td></tr>
 *   <tr><td>anything else</td><td>review, unknown result</td></tr>
 * </table>
 *
 * An 0810 whose own checks passed is approved even when an earlier step went to Smile ID's human
 * review ("Document Verified After Human Review"). A code this client does not know is never
 * approved. The findings are Smile ID's words (codes, texts, each action's state); what it read off
 * the document goes to the verdict's reading only.
 */
final class DocumentVerificationResult {
  static final String APPROVED = "0810";
  private static final String FACE_MISMATCH = "0811";
  private static final Set<String> DOCUMENT_UNVERIFIED = Set.of("0812", "0813");
  private static final String DOCUMENT_VERIFICATION = "6";

  private static final String VERIFY_DOCUMENT = "Verify_Document";
  private static final String LIVENESS = "Liveness_Check";
  private static final String COMPARE = "Selfie_To_ID_Card_Compare";

  /**
   * Action states, in lower case: Smile ID's capitalisation is not something to bet a verdict on.
   */
  private static final Set<String> FAILED = Set.of("failed", "rejected", "not verified");

  private static final Set<String> PASSED = Set.of("passed", "completed", "approved");
  private static final Set<String> REVIEW =
      Set.of(
          "under review", "provisionally approved", "sent to human review", "unable to determine");

  /** The result's fields kept as findings, in this order. */
  private static final List<String> FINDINGS =
      List.of("ResultCode", "ResultText", "ResultType", "SmileJobID", "IsFinalResult");

  private static final String ACTIONS = "Actions";

  /** Smile ID reports about ten actions: this keeps them all, and the findings in their bounds. */
  private static final int MAX_ACTIONS = 50;

  private static final String NOT_AVAILABLE = "not available";

  private DocumentVerificationResult() {}

  /** The verdict in {@code result}, or empty while Smile ID has not given a final one. */
  static Optional<Verdict> verdict(JsonNode result) {
    if (!result.isObject() || !"true".equals(text(result, "IsFinalResult"))) {
      return Optional.empty();
    }
    Optional<DocumentExtraction> reading = holder(result);
    VendorFindings findings = findings(result);
    String jobType = text(result.path("PartnerParams"), "job_type");
    if (!jobType.isEmpty() && !jobType.equals(DOCUMENT_VERIFICATION)) {
      return Optional.of(
          new Verdict.NeedsReview(KycReview.Reason.UNKNOWN_RESULT, reading, findings));
    }
    String code = text(result, "ResultCode");
    JsonNode actions = result.path(ACTIONS);
    String document = state(actions, VERIFY_DOCUMENT);
    String liveness = state(actions, LIVENESS);
    String compare = state(actions, COMPARE);
    Optional<Refusal> refusal = refusal(code, document, liveness, compare);
    if (refusal.isPresent()) {
      return Optional.of(new Verdict.Refused(refusal.get(), reading, findings));
    }
    if (code.equals(APPROVED)
        && PASSED.contains(document)
        && PASSED.contains(compare)
        && (liveness.isEmpty() || PASSED.contains(liveness))) {
      return Optional.of(new Verdict.Approved(reading, findings));
    }
    KycReview.Reason reason =
        anyActionIn(actions, REVIEW)
            ? KycReview.Reason.VENDOR_REVIEW
            : KycReview.Reason.UNKNOWN_RESULT;
    return Optional.of(new Verdict.NeedsReview(reason, reading, findings));
  }

  private static Optional<Refusal> refusal(
      String code, String document, String liveness, String compare) {
    if (FAILED.contains(document) || DOCUMENT_UNVERIFIED.contains(code)) {
      return Optional.of(Refusal.DOCUMENT_UNVERIFIED);
    }
    if (FAILED.contains(liveness)) {
      return Optional.of(Refusal.NOT_LIVE);
    }
    if (FAILED.contains(compare) || code.equals(FACE_MISMATCH)) {
      return Optional.of(Refusal.FACE_MISMATCH);
    }
    return Optional.empty();
  }

  /**
   * Smile ID's own words about the job: its codes and texts and each action's state, within the
   * findings' bounds (an entry past them is left out, never the verdict).
   */
  static VendorFindings findings(JsonNode result) {
    VendorFindings findings = VendorFindings.none();
    for (String field : FINDINGS) {
      findings = withScalar(findings, field, result.path(field));
    }
    JsonNode actions = result.path(ACTIONS);
    if (actions.isObject()) {
      VendorFindings states = VendorFindings.none();
      for (Map.Entry<String, JsonNode> action : actions.properties()) {
        if (states.values().size() == MAX_ACTIONS) {
          break;
        }
        states = withScalar(states, action.getKey(), action.getValue());
      }
      findings = findings.with(ACTIONS, states);
    }
    return findings;
  }

  private static VendorFindings withScalar(VendorFindings findings, String key, JsonNode value) {
    if (!value.isValueNode() || value.isNull()) {
      return findings;
    }
    try {
      return findings.with(key, value.asText());
    } catch (IllegalArgumentException outOfBounds) {
      return findings;
    }
  }

  /**
   * The document's fields; empty when Smile ID did not return a name and an id number it could
   * read, or returned values no document carries.
   */
  static Optional<DocumentExtraction> holder(JsonNode result) {
    String idNumber = value(result, "IDNumber");
    String first = value(result, "FirstName");
    String last = value(result, "LastName");
    String fullName = value(result, "FullName");
    String given = first;
    String surname = last;
    if (first.isEmpty() || last.isEmpty()) {
      int lastSpace = fullName.lastIndexOf(' ');
      given = lastSpace < 0 ? fullName : fullName.substring(0, lastSpace).strip();
      surname = lastSpace < 0 ? "" : fullName.substring(lastSpace + 1);
    }
    if (given.isEmpty() || idNumber.isEmpty()) {
      return Optional.empty();
    }
    String address = value(result, "Address");
    try {
      return Optional.of(
          new DocumentExtraction(
              given,
              surname,
              date(value(result, "DOB")),
              SensitiveId.of("id_number", idNumber),
              null,
              date(value(result, "ExpirationDate")),
              address.isEmpty() ? null : address));
    } catch (InvalidValueException | IllegalArgumentException unreadable) {
      return Optional.empty();
    }
  }

  /** An OCR field's text; empty when missing or Smile ID's "Not Available". */
  private static String value(JsonNode result, String field) {
    String value = text(result, field);
    return value.toLowerCase(Locale.ROOT).equals(NOT_AVAILABLE) ? "" : value;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isValueNode() && !value.isNull() ? value.asText().strip() : "";
  }

  /** An action's state in lower case; empty when Smile ID did not report the action. */
  private static String state(JsonNode actions, String action) {
    return text(actions, action).toLowerCase(Locale.ROOT);
  }

  private static boolean anyActionIn(JsonNode actions, Set<String> states) {
    for (JsonNode state : actions) {
      if (state.isTextual() && states.contains(state.asText().strip().toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /** An ISO date, or null for anything else. */
  private static LocalDate date(String value) {
    try {
      return value.isEmpty() ? null : LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
