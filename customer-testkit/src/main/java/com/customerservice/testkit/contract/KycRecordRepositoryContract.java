package com.customerservice.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.file.FileId;
import com.customerservice.domain.kyc.DocumentExtraction;
import com.customerservice.domain.kyc.KycDocument;
import com.customerservice.domain.kyc.KycReference;
import com.customerservice.domain.kyc.SelfieAttempt;
import com.customerservice.domain.kyc.SelfieResult;
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
  void keepsEverySelfieAttemptOfADocument() {
    KycDocument document = document();
    repository().saveDocument(document);
    repository()
        .saveSelfieAttempt(
            new SelfieAttempt(
                document.reference(),
                owner(),
                new SelfieResult.FaceMismatch(),
                storedFile(),
                "job-a",
                T0));
    repository()
        .saveSelfieAttempt(
            new SelfieAttempt(
                document.reference(),
                owner(),
                new SelfieResult.Match(),
                storedFile(),
                "job-b",
                T0.plusSeconds(1)));
    assertThat(repository().selfieAttempts(document.reference()))
        .extracting(SelfieAttempt::result)
        .containsExactlyInAnyOrder(new SelfieResult.FaceMismatch(), new SelfieResult.Match());
  }
}
