package com.customerservice.testkit.fakes;

import com.customerservice.domain.customer.SensitiveId;
import com.customerservice.domain.error.DependencyUnavailableException;
import com.customerservice.domain.kyc.DocumentExtraction;
import com.customerservice.domain.kyc.SelfieResult;
import com.customerservice.domain.port.KycVerifier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A KYC provider whose answers a test sets: a valid document and a matching selfie unless told
 * otherwise, or an outage. It records the checks it was asked for.
 */
public final class ScriptedKycVerifier implements KycVerifier {
  public static final DocumentExtraction VALID_DOCUMENT =
      new DocumentExtraction(
          "Jane",
          "Machava",
          LocalDate.of(1990, 1, 15),
          SensitiveId.of("id_number", "110100123456A"),
          LocalDate.of(2020, 1, 1),
          LocalDate.of(2030, 1, 1),
          "Av. Julius Nyerere, Maputo");

  private volatile Optional<DocumentExtraction> document = Optional.of(VALID_DOCUMENT);
  private volatile SelfieResult selfie = new SelfieResult.Match();
  private volatile boolean down;
  private volatile CountDownLatch entered;
  private volatile CountDownLatch release;
  private final List<DocumentCheck> documentChecks = new ArrayList<>();
  private final List<SelfieCheck> selfieChecks = new ArrayList<>();

  @Override
  public String name() {
    return "scripted";
  }

  @Override
  public Optional<DocumentExtraction> readDocument(DocumentCheck check) {
    holdIfAsked();
    return readDocumentNow(check);
  }

  private synchronized Optional<DocumentExtraction> readDocumentNow(DocumentCheck check) {
    failIfDown();
    documentChecks.add(check);
    return document;
  }

  @Override
  public synchronized SelfieResult checkSelfie(SelfieCheck check) {
    failIfDown();
    selfieChecks.add(check);
    return selfie;
  }

  public void answerDocument(DocumentExtraction extraction) {
    this.document = Optional.of(extraction);
  }

  /** Behaves like a provider that reads documents only together with the selfie. */
  public void readDocumentsOnlyWithTheSelfie() {
    this.document = Optional.empty();
  }

  public void answerSelfie(SelfieResult result) {
    this.selfie = result;
  }

  /**
   * Makes the next document reads signal {@code entered} and wait for {@code release}: a vendor
   * that is slow to answer.
   */
  public void holdDocumentReads(CountDownLatch entered, CountDownLatch release) {
    this.entered = entered;
    this.release = release;
  }

  private void holdIfAsked() {
    CountDownLatch wait = release;
    if (wait != null) {
      entered.countDown();
      try {
        wait.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  public void setDown(boolean down) {
    this.down = down;
  }

  public synchronized List<DocumentCheck> documentChecks() {
    return List.copyOf(documentChecks);
  }

  public synchronized List<SelfieCheck> selfieChecks() {
    return List.copyOf(selfieChecks);
  }

  private void failIfDown() {
    if (down) {
      throw new DependencyUnavailableException(
          "kyc_provider_unavailable", "The identity verification provider is unavailable", null);
    }
  }
}
