package com.customerservice.adapter.kyc;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.customer.SensitiveId;
import com.customerservice.domain.file.Bucket;
import com.customerservice.domain.file.FileId;
import com.customerservice.domain.file.Image;
import com.customerservice.domain.file.StoredFile;
import com.customerservice.domain.fixtures.TestImages;
import com.customerservice.domain.kyc.DocumentExtraction;
import com.customerservice.domain.kyc.DocumentSubmission;
import com.customerservice.domain.kyc.DocumentType;
import com.customerservice.domain.kyc.KycDocument;
import com.customerservice.domain.kyc.KycReference;
import com.customerservice.domain.kyc.SelfieResult;
import com.customerservice.domain.port.KycVerifier;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SandboxKycVerifierTest extends KycVerifierContract {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final DocumentType PASSPORT =
      new DocumentType("MZ_PASSPORT", "Passaporte", "MZ", false);
  private final SandboxKycVerifier sandbox = new SandboxKycVerifier();
  private final CustomerId customer = CustomerId.KIND.next(RANDOM);

  static Image imageOfWidth(int width) {
    return Image.decode("image", TestImages.jpeg(width, 100), Long.MAX_VALUE);
  }

  @Override
  protected KycVerifier verifier() {
    return sandbox;
  }

  @Override
  protected KycVerifier.DocumentCheck documentCheck(DocumentScenario scenario) {
    int width =
        scenario == DocumentScenario.EXPIRED ? SandboxKycVerifier.EXPIRED_DOCUMENT_WIDTH : 300;
    return new KycVerifier.DocumentCheck(
        customer,
        "ref_test",
        new DocumentSubmission(PASSPORT, imageOfWidth(width), Optional.empty()));
  }

  @Override
  protected KycVerifier.SelfieCheck selfieCheck(DocumentScenario scenario, SelfieResult expected) {
    int width =
        expected instanceof SelfieResult.FaceMismatch
            ? SandboxKycVerifier.FACE_MISMATCH_WIDTH
            : expected instanceof SelfieResult.NotLive
                ? SandboxKycVerifier.NOT_LIVE_WIDTH
                : expected instanceof SelfieResult.ProcessingError
                    ? SandboxKycVerifier.PROCESSING_ERROR_WIDTH
                    : 300;
    Image front = imageOfWidth(300);
    KycDocument document =
        new KycDocument(
            KycReference.KIND.next(RANDOM),
            customer,
            "MZ_PASSPORT",
            Optional.of(
                new DocumentExtraction(
                    "Ana", "Cossa", null, SensitiveId.of("id_number", "X"), null, null, null)),
            FileId.KIND.next(RANDOM),
            Optional.empty(),
            "job",
            Instant.now());
    return new KycVerifier.SelfieCheck(
        customer,
        "job_1",
        document,
        StoredFile.of(document.front(), Bucket.DOCUMENTS, customer, front, Instant.now()),
        Optional.empty(),
        imageOfWidth(width));
  }

  @Test
  void theSameDocumentAlwaysReadsTheSame() {
    var check = documentCheck(DocumentScenario.VALID);
    DocumentExtraction first = sandbox.readDocument(check).orElseThrow();
    DocumentExtraction second = sandbox.readDocument(check).orElseThrow();
    assertThat(second).isEqualTo(first);
    assertThat(first.idNumber().reveal()).matches("1101[0-9]{8}M");
    assertThat(first.expiresAt()).isAfter(first.issuedAt());
  }
}
