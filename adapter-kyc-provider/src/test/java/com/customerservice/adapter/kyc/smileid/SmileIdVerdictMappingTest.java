package com.customerservice.adapter.kyc.smileid;

import static com.customerservice.testkit.contract.KycVerifierContract.inWords;
import static org.assertj.core.api.Assertions.assertThat;

import com.customerservice.domain.kyc.DocumentExtraction;
import com.customerservice.domain.kyc.VendorFindings;
import com.customerservice.domain.kyc.Verdict;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Smile ID's final results of a Document Verification job, read as verdicts. */
class SmileIdVerdictMappingTest {

  /** One row per rule of {@link DocumentVerificationResult}; '-' changes no action. */
  @ParameterizedTest(name = "{0} with {1} {2}: {3}")
  @CsvSource({
    "0810, -, -, approved",
    "0810, Document_Check, Sent to Human Review, approved",
    "0811, -, -, refused face_mismatch",
    "0811, Selfie_To_ID_Card_Compare, Failed, refused face_mismatch",
    "0811, Selfie_To_ID_Card_Compare, Rejected, refused face_mismatch",
    "0811, Selfie_To_ID_Card_Compare, Not Verified, refused face_mismatch",
    "0810, Selfie_To_ID_Card_Compare, Failed, refused face_mismatch",
    "0811, Liveness_Check, Failed, refused not_live",
    "0811, Liveness_Check, Rejected, refused not_live",
    "0810, Liveness_Check, Failed, refused not_live",
    "0812, -, -, refused document_unverified",
    "0813, -, -, refused document_unverified",
    "0811, Verify_Document, Failed, refused document_unverified",
    "0810, Verify_Document, Failed, refused document_unverified",
    "0810, Selfie_To_ID_Card_Compare, Under Review, review vendor_review",
    "0810, Selfie_To_ID_Card_Compare, Provisionally Approved, review vendor_review",
    "0810, Selfie_To_ID_Card_Compare, Sent to Human Review, review vendor_review",
    "0810, Verify_Document, Unable To Determine, review vendor_review",
    "0814, Document_Check, Under Review, review vendor_review",
    "0810, Selfie_To_ID_Card_Compare, Not Applicable, review unknown_result",
    "0814, -, -, review unknown_result",
    "0899, -, -, review unknown_result",
    "0820, -, -, review unknown_result",
    "'', -, -, review unknown_result",
  })
  void aFinalResultIsReadAsItsVerdict(String code, String action, String state, String verdict) {
    ObjectNode result = FakeSmileId.documentVerified("2031-05-01");
    result.put("ResultCode", code);
    if (!action.equals("-")) {
      ((ObjectNode) result.path("Actions")).put(action, state);
    }
    assertThat(inWords(verdictOf(result))).isEqualTo(verdict);
  }

  @Test
  void aProvisionallyApprovedResultIsTheVendorsReview() {
    assertThat(inWords(verdictOf(FakeSmileId.provisionallyApproved())))
        .isEqualTo("review vendor_review");
  }

  @Test
  void aResultThatIsNotFinalIsNoVerdictYetWhateverItsCode() {
    for (String isFinal : new String[] {"false", "", "TRUE "}) {
      ObjectNode refused = FakeSmileId.resultWith("0811", "Liveness_Check", "Failed");
      refused.put("IsFinalResult", isFinal);
      assertThat(DocumentVerificationResult.verdict(refused)).as(isFinal).isEmpty();
    }
    ObjectNode unsaid = FakeSmileId.documentVerified("2031-05-01");
    unsaid.remove("IsFinalResult");
    assertThat(DocumentVerificationResult.verdict(unsaid)).isEmpty();
    assertThat(DocumentVerificationResult.verdict(JsonNodeFactory.instance.textNode("pending")))
        .isEmpty();
  }

  @Test
  void aResultOfAnotherJobTypeIsNeverApproved() {
    ObjectNode approved = FakeSmileId.documentVerified("2031-05-01");
    approved.putObject("PartnerParams").put("job_type", "6");
    assertThat(inWords(verdictOf(approved))).isEqualTo("approved");
    approved.putObject("PartnerParams").put("job_type", 2);
    assertThat(inWords(verdictOf(approved))).isEqualTo("review unknown_result");
  }

  @Test
  void theFindingsAreSmileIdsWordsAndTheReadingHoldsTheDocumentsFields() {
    ObjectNode result = FakeSmileId.documentVerified("2031-05-01");
    Verdict verdict = verdictOf(result);

    VendorFindings findings = verdict.findings();
    assertThat(findings.values())
        .containsOnlyKeys(
            "ResultCode", "ResultText", "ResultType", "SmileJobID", "IsFinalResult", "Actions");
    assertThat(findings.values()).containsEntry("ResultCode", "0810");
    assertThat(((VendorFindings) findings.values().get("Actions")).values())
        .containsEntry("Selfie_To_ID_Card_Compare", "Completed")
        .hasSize(5);
    assertThat(findings.toPlainMap().toString())
        .doesNotContain("Cossa", "110100123456A", "1991-04-12", "2031-05-01");

    DocumentExtraction read = verdict.reading().orElseThrow();
    assertThat(read.fullName()).isEqualTo("Ana Maria Cossa");
    assertThat(read.idNumber().reveal()).isEqualTo("110100123456A");
  }

  @Test
  void refusalsAndReviewsKeepTheReadingForThePersonWhoLooks() {
    assertThat(verdictOf(FakeSmileId.provisionallyApproved()).reading()).isPresent();
    assertThat(verdictOf(FakeSmileId.resultWith("0811", "Liveness_Check", "Failed")).reading())
        .isPresent();
  }

  @Test
  void anApprovalWithoutAReadableHolderCarriesNoReading() {
    ObjectNode unnamed = FakeSmileId.documentVerified("2031-05-01");
    unnamed.remove("FullName");
    ObjectNode notAvailable = FakeSmileId.documentVerified("2031-05-01");
    notAvailable.put("IDNumber", "Not Available");
    ObjectNode malformed = FakeSmileId.documentVerified("2031-05-01");
    malformed.put("IDNumber", "#<>#");
    for (ObjectNode result : new ObjectNode[] {unnamed, notAvailable, malformed}) {
      Verdict verdict = verdictOf(result);
      assertThat(verdict).isInstanceOf(Verdict.Approved.class);
      assertThat(verdict.reading()).isEmpty();
    }
  }

  @Test
  void firstAndLastNamesAreTakenAsSmileIdSplitThem() {
    ObjectNode result = FakeSmileId.documentVerified("Not Available");
    result.put("FullName", "Ana Maria dos Santos");
    result.put("FirstName", "Ana Maria");
    result.put("LastName", "dos Santos");
    DocumentExtraction read = verdictOf(result).reading().orElseThrow();
    assertThat(read.givenNames()).isEqualTo("Ana Maria");
    assertThat(read.surname()).isEqualTo("dos Santos");
    assertThat(read.expiresAt()).isNull();
  }

  @Test
  void findingsPastTheirBoundsAreLeftOutNotTheVerdict() {
    ObjectNode result = FakeSmileId.documentVerified("2031-05-01");
    ObjectNode actions = (ObjectNode) result.path("Actions");
    for (int i = 0; i < 300; i++) {
      actions.put("Extra_Check_" + i, "Passed");
    }
    actions.put("x".repeat(200), "Passed");
    assertThat(inWords(verdictOf(result))).isEqualTo("approved");
  }

  private static Verdict verdictOf(ObjectNode result) {
    return DocumentVerificationResult.verdict(result).orElseThrow();
  }
}
