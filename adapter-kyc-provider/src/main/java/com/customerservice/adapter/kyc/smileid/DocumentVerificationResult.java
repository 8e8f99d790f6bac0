package com.customerservice.adapter.kyc.smileid;

import com.customerservice.domain.customer.SensitiveId;
import com.customerservice.domain.error.KycRefusedException;
import com.customerservice.domain.kyc.DocumentExtraction;
import com.customerservice.domain.kyc.SelfieResult;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the result of a Smile ID Document Verification job (job type 6) as one of our outcomes.
 * Only a result Smile ID approved ({@code ResultCode} 0810) whose actions all passed, and which
 * names the holder, is a match; a failed {@code Liveness_Check} is not live, a failed {@code
 * Selfie_To_ID_Card_Compare} a mismatch, and a failed {@code Verify_Document} refuses the document.
 * Anything else (a code we do not know, a result still under review, a text instead of a result) is
 * "processing", which decides nothing: this mapping never turns doubt into a verdict.
 */
final class DocumentVerificationResult {
  private static final Set<String> APPROVED = Set.of("0810");

  /**
   * Smile ID's negative action states. Its review states ("Under Review", "Provisionally Approved",
   * "Sent to Human Review") and "Unable To Determine" are neither negative nor passed: a person at
   * Smile ID decides, so they end as "processing", never as a verdict here.
   */
  private static final Set<String> FAILED = Set.of("Failed", "Rejected", "Not Verified");

  private static final Set<String> PASSED = Set.of("Passed", "Completed", "Approved");

  private DocumentVerificationResult() {}

  static SelfieResult outcome(JsonNode result) {
    if (!result.isObject()) {
      return new SelfieResult.ProcessingError();
    }
    JsonNode actions = result.path("Actions");
    String document = actions.path("Verify_Document").asText("");
    String liveness = actions.path("Liveness_Check").asText("");
    String compare = actions.path("Selfie_To_ID_Card_Compare").asText("");
    if (FAILED.contains(document)) {
      throw new KycRefusedException(
          "document_unverified",
          "reference",
          "The identity provider could not verify the document; upload a clear photo of a valid"
              + " document");
    }
    if (FAILED.contains(liveness)) {
      return new SelfieResult.NotLive();
    }
    if (FAILED.contains(compare)) {
      return new SelfieResult.FaceMismatch();
    }
    boolean approved =
        APPROVED.contains(result.path("ResultCode").asText(""))
            && PASSED.contains(document)
            && PASSED.contains(compare);
    if (!approved) {
      return new SelfieResult.ProcessingError();
    }
    return holder(result)
        .<SelfieResult>map(read -> new SelfieResult.Match(Optional.of(read)))
        .orElseGet(SelfieResult.ProcessingError::new);
  }

  /** The document's fields; empty when Smile ID did not return a name and an id number. */
  static Optional<DocumentExtraction> holder(JsonNode result) {
    String fullName = result.path("FullName").asText("").strip();
    String idNumber = result.path("IDNumber").asText("").strip();
    if (fullName.isEmpty() || idNumber.isEmpty()) {
      return Optional.empty();
    }
    int lastSpace = fullName.lastIndexOf(' ');
    String given = lastSpace < 0 ? fullName : fullName.substring(0, lastSpace).strip();
    String surname = lastSpace < 0 ? "" : fullName.substring(lastSpace + 1);
    String address = result.path("Address").asText("").strip();
    return Optional.of(
        new DocumentExtraction(
            given,
            surname,
            date(result.path("DOB")),
            SensitiveId.of("id_number", idNumber),
            null,
            date(result.path("ExpirationDate")),
            address.isEmpty() ? null : address));
  }

  /** An ISO date, or null for Smile ID's "Not Available" and anything else unreadable. */
  private static LocalDate date(JsonNode value) {
    try {
      return value.isTextual() ? LocalDate.parse(value.asText()) : null;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
