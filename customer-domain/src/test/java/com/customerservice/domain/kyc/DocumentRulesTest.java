package com.customerservice.domain.kyc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.customerservice.domain.customer.SensitiveId;
import com.customerservice.domain.error.InvalidValueException;
import com.customerservice.domain.file.Image;
import com.customerservice.domain.fixtures.TestImages;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DocumentRulesTest {
  private static final DocumentType ID_CARD =
      new DocumentType("MZ_BI", "Bilhete de Identidade", "MZ", true);
  private static final DocumentType PASSPORT =
      new DocumentType("MZ_PASSPORT", "Passaporte", "MZ", false);
  private final Image page = Image.decode("image1", TestImages.png(8, 8), 1 << 20);

  @Test
  void aTwoSidedDocumentNeedsItsBack() {
    assertThatThrownBy(() -> new DocumentSubmission(ID_CARD, page, Optional.empty()))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> {
              assertThat(e.param()).contains("image2");
              assertThat(e.code()).isEqualTo("parameter_missing");
            });
  }

  @Test
  void aOneSidedDocumentRefusesABack() {
    assertThatThrownBy(() -> new DocumentSubmission(PASSPORT, page, Optional.of(page)))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.param()).contains("image2"));
  }

  @Test
  void eachSideRuleAcceptsTheRightPages() {
    assertThat(new DocumentSubmission(ID_CARD, page, Optional.of(page)).back()).isPresent();
    assertThat(new DocumentSubmission(PASSPORT, page, Optional.empty()).back()).isEmpty();
  }

  @Test
  void aDocumentIsValidOnItsLastDayAndExpiredTheDayAfter() {
    var extraction =
        new DocumentExtraction(
            "Jane",
            "Doe",
            null,
            SensitiveId.of("id_number", "X1"),
            null,
            LocalDate.of(2026, 3, 1),
            null);
    assertThat(extraction.isExpiredOn(LocalDate.of(2026, 3, 1))).isFalse();
    assertThat(extraction.isExpiredOn(LocalDate.of(2026, 3, 2))).isTrue();
    assertThat(extraction.fullName()).isEqualTo("Jane Doe");
    assertThat(extraction.toString()).doesNotContain("X1");
  }

  @Test
  void aDocumentWithoutExpiryNeverExpires() {
    var extraction =
        new DocumentExtraction(
            "Jane", "Doe", null, SensitiveId.of("id_number", "X1"), null, null, null);
    assertThat(extraction.isExpiredOn(LocalDate.of(2100, 1, 1))).isFalse();
  }

  @Test
  void documentTypesAreValidated() {
    assertThatThrownBy(() -> new DocumentType("mz bi", "x", "MZ", true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DocumentType("MZ_BI", "x", "Mozambique", true))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void selfieResultsMapToTheSpecsResultCodes() {
    assertThat(new SelfieResult.Match().code()).isNull();
    assertThat(new SelfieResult.NotLive().code()).isEqualTo("live");
    assertThat(new SelfieResult.FaceMismatch().code()).isEqualTo("match");
    assertThat(new SelfieResult.FaceMismatch().description())
        .isEqualTo("Face does not match the document photo");
    assertThat(new SelfieResult.ProcessingError().code()).isEqualTo("processing");
    assertThat(new SelfieResult.Pending().code()).isEqualTo("processing");
  }
}
