package com.customerservice.adapter.kyc.onfido;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an Onfido check (v3.6) and its reports as a verdict, as {@code vendors.md} maps them; the
 * first row that applies wins:
 *
 * <table>
 *   <caption>Onfido's check and reports, and the verdict</caption>
 *   <tr><th>check</th><th>reports</th><th>verdict</th></tr>
 *   <tr><td>{@code in_progress}, {@code awaiting_applicant}, {@code paused}, {@code reopened}</td>
 *       <td>(not read)</td><td>none yet</td></tr>
 *   <tr><td>{@code withdrawn}</td><td>any</td>
 *       <td>refused, image unprocessable: nothing counted, the customer may try again</td></tr>
 *   <tr><td>{@code complete}</td><td>one {@code awaiting_data} or {@code awaiting_approval}</td>
 *       <td>none yet</td></tr>
 *   <tr><td>{@code complete}</td><td>one {@code cancelled} or {@code withdrawn}</td>
 *       <td>refused, image unprocessable</td></tr>
 *   <tr><td>{@code complete}</td><td>a value this client does not know, or the document or facial
 *       similarity report missing</td><td>review, unknown result</td></tr>
 *   <tr><td>{@code complete}, {@code clear}</td><td>both {@code clear} (the document's sub-result
 *       {@code clear} or none)</td><td>approved, with what the document report read</td></tr>
 *   <tr><td>{@code complete}, {@code consider}</td><td>any</td>
 *       <td>review, the vendor's: Onfido's {@code consider} is advice for a person</td></tr>
 *   <tr><td>anything else</td><td></td><td>review, unknown result</td></tr>
 * </table>
 *
 * A withdrawn check says nothing about the person (someone stopped it), so it counts no failure.
 * The findings are Onfido's words: the check's status and result, and each report's status, result,
 * sub-result and breakdown results; what the document report read goes to the verdict's reading
 * only.
 */
final class OnfidoCheckResult {
  static final String DOCUMENT = "document";
  static final String FACIAL_SIMILARITY = "facial_similarity_photo";

  private static final Set<String> RUNNING =
      Set.of("in_progress", "awaiting_applicant", "paused", "reopened");
  private static final String COMPLETE = "complete";
  private static final String WITHDRAWN = "withdrawn";
  private static final String CLEAR = "clear";
  private static final String CONSIDER = "consider";

  private static final Set<String> REPORT_WAITING = Set.of("awaiting_data", "awaiting_approval");
  private static final Set<String> REPORT_STOPPED = Set.of("cancelled", WITHDRAWN);
  private static final Set<String> REPORT_STATUSES =
      Set.of("awaiting_data", "awaiting_approval", "cancelled", COMPLETE, WITHDRAWN);
  private static final Set<String> REPORT_RESULTS = Set.of(CLEAR, CONSIDER, "unidentified");
  private static final Set<String> SUB_RESULTS = Set.of(CLEAR, "rejected", "suspected", "caution");
  private static final Set<String> CHECK_RESULTS = Set.of(CLEAR, CONSIDER);

  /** Onfido lists about ten breakdowns per report: this keeps them all within the bounds. */
  private static final int MAX_BREAKDOWNS = 40;

  private OnfidoCheckResult() {}

  /** Whether the check is still running, so that its reports need not be read yet. */
  static boolean running(JsonNode check) {
    return RUNNING.contains(text(check, "status"));
  }

  /** The verdict on {@code check} with its {@code reports} (an array), or empty while it runs. */
  static Optional<Verdict> verdict(JsonNode check, JsonNode reports) {
    if (running(check)) {
      return Optional.empty();
    }
    Map<String, JsonNode> byName = byName(reports);
    Optional<DocumentExtraction> reading =
        Optional.ofNullable(byName.get(DOCUMENT)).flatMap(OnfidoCheckResult::holder);
    VendorFindings findings = findings(check, reports);
    String status = text(check, "status");
    if (status.equals(WITHDRAWN)) {
      return Optional.of(new Verdict.Refused(Refusal.IMAGE_UNPROCESSABLE, reading, findings));
    }
    if (!status.equals(COMPLETE)) {
      return review(KycReview.Reason.UNKNOWN_RESULT, reading, findings);
    }
    List<String> statuses = new ArrayList<>();
    byName.values().forEach(report -> statuses.add(text(report, "status")));
    if (statuses.stream().anyMatch(REPORT_WAITING::contains)) {
      return Optional.empty();
    }
    if (statuses.stream().anyMatch(REPORT_STOPPED::contains)) {
      return Optional.of(new Verdict.Refused(Refusal.IMAGE_UNPROCESSABLE, reading, findings));
    }
    String result = text(check, "result");
    if (!CHECK_RESULTS.contains(result)
        || !byName.containsKey(DOCUMENT)
        || !byName.containsKey(FACIAL_SIMILARITY)
        || !byName.values().stream().allMatch(OnfidoCheckResult::known)) {
      return review(KycReview.Reason.UNKNOWN_RESULT, reading, findings);
    }
    if (result.equals(CONSIDER)) {
      return review(KycReview.Reason.VENDOR_REVIEW, reading, findings);
    }
    if (byName.values().stream().allMatch(OnfidoCheckResult::clear)) {
      return Optional.of(new Verdict.Approved(reading, findings));
    }
    // A clear check over a report that is not: Onfido contradicts itself, a person decides.
    return review(KycReview.Reason.UNKNOWN_RESULT, reading, findings);
  }

  private static Optional<Verdict> review(
      KycReview.Reason reason, Optional<DocumentExtraction> reading, VendorFindings findings) {
    return Optional.of(new Verdict.NeedsReview(reason, reading, findings));
  }

  private static boolean known(JsonNode report) {
    String subResult = text(report, "sub_result");
    return REPORT_STATUSES.contains(text(report, "status"))
        && REPORT_RESULTS.contains(text(report, "result"))
        && (subResult.isEmpty() || SUB_RESULTS.contains(subResult));
  }

  private static boolean clear(JsonNode report) {
    String subResult = text(report, "sub_result");
    return text(report, "status").equals(COMPLETE)
        && text(report, "result").equals(CLEAR)
        && (subResult.isEmpty() || subResult.equals(CLEAR));
  }

  /** The reports by name; of two with one name (Onfido runs each once per check), the first. */
  private static Map<String, JsonNode> byName(JsonNode reports) {
    Map<String, JsonNode> byName = new java.util.LinkedHashMap<>();
    for (JsonNode report : reports) {
      String name = text(report, "name");
      if (!name.isEmpty()) {
        byName.putIfAbsent(name, report);
      }
    }
    return byName;
  }

  /**
   * Onfido's own words about the check: its status and result, and for each report its status,
   * result, sub-result and each breakdown's result with its parts' results (never their properties,
   * which hold scores and ids, nor anything read off the document), within the findings' bounds.
   */
  static VendorFindings findings(JsonNode check, JsonNode reports) {
    VendorFindings checkWords = withText(VendorFindings.none(), "status", check.path("status"));
    checkWords = withText(checkWords, "result", check.path("result"));
    VendorFindings findings = VendorFindings.none().with("check", checkWords);
    for (JsonNode report : reports) {
      String name = text(report, "name");
      if (name.isEmpty() || findings.values().containsKey(name)) {
        continue;
      }
      VendorFindings words = VendorFindings.none();
      for (String field : List.of("status", "result", "sub_result")) {
        words = withText(words, field, report.path(field));
      }
      VendorFindings breakdown = breakdown(report.path("breakdown"));
      if (!breakdown.isEmpty()) {
        words = words.with("breakdown", breakdown);
      }
      findings = withGroup(findings, name, words);
    }
    return findings;
  }

  private static VendorFindings breakdown(JsonNode breakdown) {
    VendorFindings groups = VendorFindings.none();
    if (!breakdown.isObject()) {
      return groups;
    }
    for (Map.Entry<String, JsonNode> entry : breakdown.properties()) {
      if (groups.values().size() == MAX_BREAKDOWNS) {
        break;
      }
      VendorFindings group =
          withText(VendorFindings.none(), "result", entry.getValue().path("result"));
      JsonNode parts = entry.getValue().path("breakdown");
      if (parts.isObject()) {
        for (Map.Entry<String, JsonNode> part : parts.properties()) {
          group = withText(group, part.getKey(), part.getValue().path("result"));
        }
      }
      groups = withGroup(groups, entry.getKey(), group);
    }
    return groups;
  }

  private static VendorFindings withText(VendorFindings findings, String key, JsonNode value) {
    if (!value.isTextual()) {
      return findings;
    }
    try {
      return findings.with(key, value.asText());
    } catch (IllegalArgumentException outOfBounds) {
      return findings;
    }
  }

  private static VendorFindings withGroup(
      VendorFindings findings, String key, VendorFindings group) {
    try {
      return findings.with(key, group);
    } catch (IllegalArgumentException outOfBounds) {
      return findings;
    }
  }

  /**
   * What the document report read ({@code properties}): empty when it read no name or no document
   * number, or values no document carries. Given names are {@code first_name} (or {@code
   * first_names}) with {@code middle_name}; the number is the {@code document_number} of {@code
   * document_numbers} (objects with {@code type} and {@code value}, or plain strings), else its
   * first, else {@code personal_number}.
   */
  static Optional<DocumentExtraction> holder(JsonNode documentReport) {
    JsonNode read = documentReport.path("properties");
    String first = text(read, "first_name");
    String given =
        String.join(
                " ", first.isEmpty() ? text(read, "first_names") : first, text(read, "middle_name"))
            .strip();
    String number = documentNumber(read);
    if (given.isEmpty() || number.isEmpty()) {
      return Optional.empty();
    }
    String address = text(read, "address");
    try {
      return Optional.of(
          new DocumentExtraction(
              given,
              text(read, "last_name"),
              date(text(read, "date_of_birth")),
              SensitiveId.of("id_number", number),
              date(text(read, "issuing_date")),
              date(text(read, "date_of_expiry")),
              address.isEmpty() ? null : address));
    } catch (InvalidValueException | IllegalArgumentException unreadable) {
      return Optional.empty();
    }
  }

  private static String documentNumber(JsonNode read) {
    JsonNode numbers = read.path("document_numbers");
    if (numbers.isTextual()) {
      return numbers.asText().strip();
    }
    String first = "";
    for (JsonNode number : numbers) {
      String value = number.isTextual() ? number.asText().strip() : text(number, "value");
      if (!value.isEmpty() && text(number, "type").equals("document_number")) {
        return value;
      }
      first = first.isEmpty() ? value : first;
    }
    return first.isEmpty() ? text(read, "personal_number") : first;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isValueNode() && !value.isNull() ? value.asText().strip() : "";
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
