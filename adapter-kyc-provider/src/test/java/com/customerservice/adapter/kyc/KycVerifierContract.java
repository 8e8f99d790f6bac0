package com.customerservice.adapter.kyc;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerservice.domain.kyc.DocumentExtraction;
import com.customerservice.domain.kyc.SelfieResult;
import com.customerservice.domain.port.KycVerifier;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link KycVerifier} must do, whatever vendor it speaks to. Each implementation says
 * how to make the input that leads to each outcome.
 *
 * <p>A provider may read a document when it is uploaded or only in the same job as the selfie; the
 * contract accepts both, but the identity must be read by one of the two steps.
 */
public abstract class KycVerifierContract {

  /** The outcomes a document check can have. */
  protected enum DocumentScenario {
    VALID,
    EXPIRED
  }

  protected abstract KycVerifier verifier();

  protected abstract KycVerifier.DocumentCheck documentCheck(DocumentScenario scenario);

  /**
   * A selfie check, against a document of the given scenario, that the provider will answer with
   * {@code expected}.
   */
  protected abstract KycVerifier.SelfieCheck selfieCheck(
      DocumentScenario document, SelfieResult expected);

  @Test
  void aValidDocumentIsReadWithItsHoldersIdentity() {
    DocumentExtraction identity = identityRead(DocumentScenario.VALID);
    assertThat(identity.givenNames()).isNotBlank();
    assertThat(identity.surname()).isNotBlank();
    assertThat(identity.idNumber().reveal()).isNotBlank();
    assertThat(identity.isExpiredOn(LocalDate.now())).isFalse();
  }

  @Test
  void anExpiredDocumentIsReportedExpired() {
    assertThat(identityRead(DocumentScenario.EXPIRED).isExpiredOn(LocalDate.now())).isTrue();
  }

  @Test
  void aMatchingSelfieMatches() {
    assertThat(verifier().checkSelfie(selfieCheck(DocumentScenario.VALID, match())))
        .isInstanceOf(SelfieResult.Match.class);
  }

  @Test
  void aProviderThatDoesNotReadAtUploadReadsWithEveryMatch() {
    Optional<DocumentExtraction> atUpload =
        verifier().readDocument(documentCheck(DocumentScenario.VALID));
    SelfieResult.Match match =
        (SelfieResult.Match) verifier().checkSelfie(selfieCheck(DocumentScenario.VALID, match()));
    assertThat(atUpload.isPresent() || match.reading().isPresent())
        .as("the document is read at upload or with the matching selfie")
        .isTrue();
  }

  @Test
  void aDifferentFaceIsAMismatch() {
    assertThat(
            verifier()
                .checkSelfie(selfieCheck(DocumentScenario.VALID, new SelfieResult.FaceMismatch())))
        .isEqualTo(new SelfieResult.FaceMismatch());
  }

  @Test
  void aSpoofIsNotLive() {
    assertThat(
            verifier().checkSelfie(selfieCheck(DocumentScenario.VALID, new SelfieResult.NotLive())))
        .isEqualTo(new SelfieResult.NotLive());
  }

  @Test
  void anUnreadableSelfieIsAProcessingErrorNotAVerdict() {
    assertThat(
            verifier()
                .checkSelfie(
                    selfieCheck(DocumentScenario.VALID, new SelfieResult.ProcessingError())))
        .isEqualTo(new SelfieResult.ProcessingError());
  }

  /** The identity as the provider reads it: at upload, or in a matching selfie's job. */
  private DocumentExtraction identityRead(DocumentScenario scenario) {
    return verifier()
        .readDocument(documentCheck(scenario))
        .orElseGet(
            () -> {
              SelfieResult result = verifier().checkSelfie(selfieCheck(scenario, match()));
              assertThat(result).isInstanceOf(SelfieResult.Match.class);
              return ((SelfieResult.Match) result).reading().orElseThrow();
            });
  }

  private static SelfieResult match() {
    return new SelfieResult.Match();
  }
}
