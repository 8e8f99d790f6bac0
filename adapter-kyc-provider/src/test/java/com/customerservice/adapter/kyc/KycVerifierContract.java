package com.customerservice.adapter.kyc;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerservice.domain.kyc.DocumentExtraction;
import com.customerservice.domain.kyc.SelfieResult;
import com.customerservice.domain.port.KycVerifier;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * What every {@link KycVerifier} must do, whatever vendor it speaks to. Each implementation says
 * how to make the input that leads to each outcome.
 */
public abstract class KycVerifierContract {

  /** The outcomes a document check can have. */
  protected enum DocumentScenario {
    VALID,
    EXPIRED
  }

  protected abstract KycVerifier verifier();

  protected abstract KycVerifier.DocumentCheck documentCheck(DocumentScenario scenario);

  /** A selfie check that the provider will answer with {@code expected}. */
  protected abstract KycVerifier.SelfieCheck selfieCheck(SelfieResult expected);

  @Test
  void aValidDocumentIsReadWithItsHoldersIdentity() {
    DocumentExtraction extraction = verifier().readDocument(documentCheck(DocumentScenario.VALID));
    assertThat(extraction.givenNames()).isNotBlank();
    assertThat(extraction.surname()).isNotBlank();
    assertThat(extraction.idNumber().reveal()).isNotBlank();
    assertThat(extraction.isExpiredOn(LocalDate.now())).isFalse();
  }

  @Test
  void anExpiredDocumentIsReportedExpired() {
    DocumentExtraction extraction =
        verifier().readDocument(documentCheck(DocumentScenario.EXPIRED));
    assertThat(extraction.isExpiredOn(LocalDate.now())).isTrue();
  }

  @Test
  void aMatchingSelfieMatches() {
    assertThat(verifier().checkSelfie(selfieCheck(new SelfieResult.Match())))
        .isEqualTo(new SelfieResult.Match());
  }

  @Test
  void aDifferentFaceIsAMismatch() {
    assertThat(verifier().checkSelfie(selfieCheck(new SelfieResult.FaceMismatch())))
        .isEqualTo(new SelfieResult.FaceMismatch());
  }

  @Test
  void aSpoofIsNotLive() {
    assertThat(verifier().checkSelfie(selfieCheck(new SelfieResult.NotLive())))
        .isEqualTo(new SelfieResult.NotLive());
  }

  @Test
  void anUnreadableSelfieIsAProcessingErrorNotAVerdict() {
    assertThat(verifier().checkSelfie(selfieCheck(new SelfieResult.ProcessingError())))
        .isEqualTo(new SelfieResult.ProcessingError());
  }
}
