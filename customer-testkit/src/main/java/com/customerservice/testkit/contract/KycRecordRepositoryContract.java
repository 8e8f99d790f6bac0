package com.customerservice.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.file.FileId;
import com.customerservice.domain.kyc.DocumentExtraction;
import com.customerservice.domain.kyc.KycDocument;
import com.customerservice.domain.kyc.KycReference;
import com.customerservice.domain.port.KycRecordRepository;
import com.customerservice.testkit.fakes.ScriptedKycVerifier;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link KycRecordRepository} must do. */
public abstract class KycRecordRepositoryContract {
  protected final SecureRandom random = new SecureRandom();
  private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

  protected abstract KycRecordRepository repository();

  /** A customer that documents may belong to. */
  protected abstract CustomerId owner();

  /** A stored file id that documents and selfies may point at. */
  protected abstract FileId storedFile();

  private KycDocument document() {
    return document(Optional.of(ScriptedKycVerifier.VALID_DOCUMENT));
  }

  private KycDocument document(Optional<DocumentExtraction> extraction) {
    return new KycDocument(
        KycReference.KIND.next(random),
        owner(),
        "MZ_BI",
        extraction,
        storedFile(),
        Optional.of(storedFile()),
        "job-1",
        T0);
  }

  @Test
  void storesADocumentWithEveryExtractedField() {
    KycDocument document = document();
    repository().saveDocument(document);
    KycDocument read = repository().findDocument(document.reference()).orElseThrow();
    assertThat(read.customerId()).isEqualTo(owner());
    assertThat(read.documentType()).isEqualTo("MZ_BI");
    assertThat(read.extraction().orElseThrow().idNumber().reveal()).isEqualTo("110100123456A");
    assertThat(read.extraction().orElseThrow().givenNames()).isEqualTo("Jane");
    assertThat(read.extraction().orElseThrow().surname()).isEqualTo("Machava");
    assertThat(read.extraction().orElseThrow().dateOfBirth()).isEqualTo(LocalDate.of(1990, 1, 15));
    assertThat(read.extraction().orElseThrow().expiresAt()).isEqualTo(LocalDate.of(2030, 1, 1));
    assertThat(read.extraction().orElseThrow().address()).isEqualTo("Av. Julius Nyerere, Maputo");
    assertThat(read.front()).isEqualTo(document.front());
    assertThat(read.back()).isEqualTo(document.back());
    assertThat(read.vendorJobId()).isEqualTo("job-1");
    assertThat(read.createdAt()).isEqualTo(T0);
  }

  @Test
  void storesADocumentNotReadYetWithoutFields() {
    KycDocument document = document(Optional.empty());
    repository().saveDocument(document);
    KycDocument read = repository().findDocument(document.reference()).orElseThrow();
    assertThat(read.extraction()).isEmpty();
    assertThat(read.front()).isEqualTo(document.front());
  }

  @Test
  void findsNoDocumentForAnUnknownReference() {
    assertThat(repository().findDocument(KycReference.KIND.next(random))).isEmpty();
  }

  @Test
  void keepsAReadingMadeInTheSelfiesJobForADocumentNotReadBefore() {
    KycDocument document = document(Optional.empty());
    repository().saveDocument(document);
    repository().recordReading(document.reference(), ScriptedKycVerifier.VALID_DOCUMENT);
    DocumentExtraction read =
        repository().findDocument(document.reference()).orElseThrow().extraction().orElseThrow();
    assertThat(read.idNumber().reveal()).isEqualTo("110100123456A");
    assertThat(read.givenNames()).isEqualTo("Jane");
    assertThat(read.dateOfBirth()).isEqualTo(LocalDate.of(1990, 1, 15));
  }

  @Test
  void aReadingAlreadyKeptStays() {
    KycDocument document = document();
    repository().saveDocument(document);
    repository()
        .recordReading(
            document.reference(),
            new DocumentExtraction(
                "Other",
                "Person",
                LocalDate.of(1970, 1, 1),
                com.customerservice.domain.customer.SensitiveId.of("id_number", "999"),
                null,
                null,
                null));
    assertThat(
            repository()
                .findDocument(document.reference())
                .orElseThrow()
                .extraction()
                .orElseThrow()
                .givenNames())
        .isEqualTo("Jane");
  }

  @Test
  void aReadingOfADocumentNotStoredIsRefused() {
    KycReference unknown = KycReference.KIND.next(random);
    assertThatThrownBy(
            () -> repository().recordReading(unknown, ScriptedKycVerifier.VALID_DOCUMENT))
        .isInstanceOf(IllegalStateException.class);
    assertThat(repository().findDocument(unknown)).isEmpty();
  }

  @Test
  void findsTheCustomersLatestDocument() {
    KycDocument older = document();
    KycDocument newer =
        new KycDocument(
            KycReference.KIND.next(random),
            owner(),
            "MZ_PASSPORT",
            Optional.empty(),
            storedFile(),
            Optional.empty(),
            "job-2",
            T0.plusSeconds(60));
    repository().saveDocument(older);
    repository().saveDocument(newer);
    assertThat(repository().latestDocument(owner()).orElseThrow().reference())
        .isEqualTo(newer.reference());
    assertThat(repository().latestDocument(CustomerId.KIND.next(random))).isEmpty();
  }
}
