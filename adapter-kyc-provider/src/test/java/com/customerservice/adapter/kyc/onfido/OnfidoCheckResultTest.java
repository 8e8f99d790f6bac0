package com.customerservice.adapter.kyc.onfido;

import static com.customerservice.testkit.contract.KycVerifierContract.inWords;
import static org.assertj.core.api.Assertions.assertThat;

import com.customerservice.domain.kyc.DocumentExtraction;
import com.customerservice.domain.kyc.Verdict;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Onfido's checks and reports, read as verdicts: the table of {@link OnfidoCheckResult}. */
class OnfidoCheckResultTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One row per rule; '-' is a value Onfido left null. */
  @ParameterizedTest(name = "check {0}/{1}, reports {2}, document {3}/{4}, face {5}: {6}")
  @CsvSource({
    "in_progress, -, complete, clear, clear, clear, none yet",
    "awaiting_applicant, -, complete, clear, clear, clear, none yet",
    "paused, -, complete, clear, clear, clear, none yet",
    "reopened, consider, complete, consider, caution, clear, none yet",
    "withdrawn, -, withdrawn, -, -, -, refused image_unprocessable",
    "withdrawn, clear, complete, clear, clear, clear, refused image_unprocessable",
    "complete, -, awaiting_data, -, -, -, none yet",
    "complete, -, awaiting_approval, -, -, -, none yet",
    "complete, consider, cancelled, -, -, -, refused image_unprocessable",
    "complete, clear, withdrawn, clear, clear, clear, refused image_unprocessable",
    "complete, clear, complete, clear, clear, clear, approved",
    "complete, clear, complete, clear, -, clear, approved",
    "complete, consider, complete, consider, caution, clear, review vendor_review",
    "complete, consider, complete, consider, rejected, clear, review vendor_review",
    "complete, consider, complete, consider, suspected, clear, review vendor_review",
    "complete, consider, complete, clear, clear, consider, review vendor_review",
    "complete, consider, complete, unidentified, -, clear, review vendor_review",
    "complete, clear, complete, consider, caution, clear, review unknown_result",
    "complete, clear, complete, unidentified, -, clear, review unknown_result",
    "complete, clear, complete, clear, caution, clear, review unknown_result",
    "complete, -, complete, clear, clear, clear, review unknown_result",
    "complete, maybe, complete, clear, clear, clear, review unknown_result",
    "complete, consider, complete, doubtful, -, clear, review unknown_result",
    "complete, consider, complete, consider, odd, clear, review unknown_result",
    "complete, clear, finished, clear, clear, clear, review unknown_result",
    "archived, clear, complete, clear, clear, clear, review unknown_result",
    "-, -, complete, clear, clear, clear, review unknown_result",
  })
  void aCheckAndItsReportsAreReadAsTheirVerdict(
      String status,
      String result,
      String reportStatus,
      String documentResult,
      String subResult,
      String faceResult,
      String verdict) {
    JsonNode check = check(status, result);
    ArrayNode reports = JSON.createArrayNode();
    reports.add(report("document", reportStatus, documentResult, subResult));
    reports.add(report("facial_similarity_photo", reportStatus, faceResult, "-"));
    assertThat(OnfidoCheckResult.verdict(check, reports).map(v -> inWords(v)).orElse("none yet"))
        .isEqualTo(verdict);
  }

  @Test
  void aClearCheckMissingOneOfItsReportsIsNeverApproved() {
    ArrayNode onlyDocument = JSON.createArrayNode();
    onlyDocument.add(report("document", "complete", "clear", "clear"));
    assertThat(inWords(verdictOf(check("complete", "clear"), onlyDocument)))
        .isEqualTo("review unknown_result");
    assertThat(inWords(verdictOf(check("complete", "clear"), JSON.createArrayNode())))
        .isEqualTo("review unknown_result");
  }

  @Test
  void theFindingsAreEachReportsWordsWithoutScoresIdsOrWhatWasRead() {
    ArrayNode reports = bothClear();
    ObjectNode face = (ObjectNode) reports.get(1);
    face.put("result", "consider");
    ObjectNode comparison = face.putObject("breakdown").putObject("face_comparison");
    comparison.put("result", "consider");
    comparison
        .putObject("breakdown")
        .putObject("face_match")
        .put("result", "consider")
        .putObject("properties")
        .put("score", 0.12)
        .put("document_id", "d0c");
    Verdict verdict = verdictOf(check("complete", "consider"), reports);
    Map<String, Object> words = verdict.findings().toPlainMap();
    assertThat(words.get("check")).isEqualTo(Map.of("status", "complete", "result", "consider"));
    assertThat(words.get("facial_similarity_photo"))
        .isEqualTo(
            Map.of(
                "status",
                "complete",
                "result",
                "consider",
                "breakdown",
                Map.of("face_comparison", Map.of("result", "consider", "face_match", "consider"))));
    assertThat(words.toString()).doesNotContain("0.12", "d0c", "Cossa", "110100123456A");
  }

  @Test
  void aReportWithFarMoreBreakdownsThanOnfidoListsStillGivesAVerdict() {
    ArrayNode reports = bothClear();
    ObjectNode breakdown = ((ObjectNode) reports.get(0)).putObject("breakdown");
    for (int i = 0; i < 300; i++) {
      ObjectNode part = breakdown.putObject("breakdown_" + i);
      part.put("result", "clear");
      part.putObject("breakdown").putObject("part").put("result", "clear");
    }
    Verdict verdict = verdictOf(check("complete", "clear"), reports);
    assertThat(verdict).isInstanceOf(Verdict.Approved.class);
    assertThat(verdict.findings().toPlainMap()).containsKey("facial_similarity_photo");
  }

  // What the document report read

  @Test
  void theDocumentReportsPropertiesAreTheReading() {
    DocumentExtraction read = OnfidoCheckResult.holder(bothClear().get(0)).orElseThrow();
    assertThat(read.givenNames()).isEqualTo("Ana Maria");
    assertThat(read.surname()).isEqualTo("Cossa");
    assertThat(read.dateOfBirth()).hasToString("1991-04-12");
    assertThat(read.idNumber().reveal()).isEqualTo("110100123456A");
    assertThat(read.issuedAt()).hasToString("2021-05-01");
    assertThat(read.expiresAt()).hasToString("2031-05-01");
    assertThat(read.address()).isNull();
  }

  @Test
  void eitherShapeOfNamesAndNumbersIsRead() {
    ObjectNode report = report("document", "complete", "clear", "clear");
    ObjectNode properties = report.putObject("properties");
    properties.put("first_names", "Ana");
    properties.put("middle_name", "Maria");
    properties.put("last_name", "Cossa");
    properties.putArray("document_numbers").add("110100123456A");
    properties.put("address", "Av. 24 de Julho, Maputo");
    DocumentExtraction read = OnfidoCheckResult.holder(report).orElseThrow();
    assertThat(read.givenNames()).isEqualTo("Ana Maria");
    assertThat(read.idNumber().reveal()).isEqualTo("110100123456A");
    assertThat(read.address()).isEqualTo("Av. 24 de Julho, Maputo");

    properties
        .putArray("document_numbers")
        .addObject()
        .put("type", "personal_number")
        .put("value", "P1");
    ((ArrayNode) properties.path("document_numbers"))
        .addObject()
        .put("type", "document_number")
        .put("value", "D2");
    assertThat(OnfidoCheckResult.holder(report).orElseThrow().idNumber().reveal()).isEqualTo("D2");
    properties.remove("document_numbers");
    properties.put("personal_number", "P3");
    assertThat(OnfidoCheckResult.holder(report).orElseThrow().idNumber().reveal()).isEqualTo("P3");
  }

  @Test
  void nothingIsReadWithoutANameAndANumberOrWithDatesNoDocumentCarries() {
    ObjectNode report = bothClear().get(0).deepCopy();
    ((ObjectNode) report.path("properties")).remove("first_name");
    assertThat(OnfidoCheckResult.holder(report)).isEmpty();
    ObjectNode noNumber = bothClear().get(0).deepCopy();
    ((ObjectNode) noNumber.path("properties")).remove("document_numbers");
    assertThat(OnfidoCheckResult.holder(noNumber)).isEmpty();
    ObjectNode backwards = bothClear().get(0).deepCopy();
    ((ObjectNode) backwards.path("properties")).put("issuing_date", "2040-01-01");
    assertThat(OnfidoCheckResult.holder(backwards)).isEmpty();
    ObjectNode garbled = bothClear().get(0).deepCopy();
    ((ObjectNode) garbled.path("properties")).put("date_of_birth", "12/04/1991");
    assertThat(OnfidoCheckResult.holder(garbled).orElseThrow().dateOfBirth()).isNull();
  }

  @Test
  void aReviewCarriesTheReadingForThePersonWhoDecides() {
    ArrayNode reports = bothClear();
    ((ObjectNode) reports.get(0)).put("result", "consider").put("sub_result", "caution");
    Verdict verdict = verdictOf(check("complete", "consider"), reports);
    assertThat(verdict.reading()).isPresent();
  }

  // Building checks and reports as Onfido answers them

  private static Verdict verdictOf(JsonNode check, JsonNode reports) {
    Optional<Verdict> verdict = OnfidoCheckResult.verdict(check, reports);
    assertThat(verdict).isPresent();
    return verdict.get();
  }

  private static ObjectNode check(String status, String result) {
    ObjectNode check = JSON.createObjectNode();
    check.put("id", "f2302f45-227d-413d-ad61-09ec077a086a");
    put(check, "status", status);
    put(check, "result", result);
    return check;
  }

  private static ObjectNode report(String name, String status, String result, String subResult) {
    ObjectNode report = JSON.createObjectNode();
    report.put("id", name + "-id");
    report.put("name", name);
    put(report, "status", status);
    put(report, "result", result);
    put(report, "sub_result", subResult);
    return report;
  }

  /** Both reports complete and clear, the document's having read an identity card. */
  private static ArrayNode bothClear() {
    ObjectNode document = report("document", "complete", "clear", "clear");
    document.set("properties", FakeOnfido.documentRead("2031-05-01"));
    ArrayNode reports = JSON.createArrayNode();
    reports.add(document);
    reports.add(report("facial_similarity_photo", "complete", "clear", "-"));
    return reports;
  }

  private static void put(ObjectNode node, String field, String value) {
    if (value.equals("-")) {
      node.putNull(field);
    } else {
      node.put(field, value);
    }
  }
}
