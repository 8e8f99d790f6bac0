package com.customerservice.adapter.kyc.vendor;

import com.customerservice.adapter.kyc.FileDocumentCatalogue;
import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.file.Image;
import com.customerservice.domain.fixtures.TestImages;
import com.customerservice.domain.kyc.DocumentSubmission;
import com.customerservice.domain.kyc.DocumentType;
import com.customerservice.domain.kyc.KycReference;
import com.customerservice.domain.port.KycVerifier;
import com.customerservice.domain.port.KycVerifier.SelfieCheck;
import com.customerservice.testkit.contract.KycVerifierContract;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** What one test of a vendor client starts from: one customer, their document pages and selfie. */
public abstract class VendorTestBed implements AutoCloseable {
  public static final FileDocumentCatalogue CATALOGUE = FileDocumentCatalogue.bundled();
  private static final SecureRandom RANDOM = new SecureRandom();

  public final CustomerId customer = CustomerId.KIND.next(RANDOM);
  public final byte[] front = TestImages.jpeg(120, 80);
  public final byte[] back = TestImages.png(120, 80);
  public final byte[] selfie = TestImages.jpeg(60, 80);
  private final AtomicInteger jobs = new AtomicInteger();

  /** A selfie against a two-sided national identity card, under a fresh job id. */
  public SelfieCheck selfieCheck() {
    return selfieCheck("MZ_BI");
  }

  /** A selfie against a document of {@code documentType} (its back if it has one). */
  public SelfieCheck selfieCheck(String documentType) {
    DocumentType type = CATALOGUE.find(documentType).orElseThrow();
    return KycVerifierContract.aSelfieCheck(
        customer,
        "job_test" + jobs.incrementAndGet(),
        documentType,
        image(front),
        type.hasBack() ? Optional.of(image(back)) : Optional.empty(),
        image(selfie));
  }

  /** The one-page passport of this customer, as the contract's document hook sends it. */
  public KycVerifier.DocumentCheck passportCheck() {
    DocumentType passport = CATALOGUE.find("MZ_PASSPORT").orElseThrow();
    return new KycVerifier.DocumentCheck(
        customer,
        KycReference.KIND.next(RANDOM).value(),
        new DocumentSubmission(passport, image(front), Optional.empty()));
  }

  public static Image image(byte[] content) {
    return Image.decode("image", content, Long.MAX_VALUE);
  }
}
