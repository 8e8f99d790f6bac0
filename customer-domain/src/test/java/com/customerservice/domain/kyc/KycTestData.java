package com.customerservice.domain.kyc;

import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.customer.SensitiveId;
import com.customerservice.domain.file.FileId;
import com.customerservice.domain.fixtures.KycFixtures;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/** KYC values for the domain's own tests: a reading of a valid document, a check just submitted. */
final class KycTestData {
  static final SecureRandom RANDOM = new SecureRandom();
  static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
  static final Duration DEADLINE = Duration.ofHours(24);

  private KycTestData() {}

  static DocumentExtraction jane() {
    return reading(LocalDate.of(2030, 1, 1));
  }

  static DocumentExtraction reading(LocalDate expires) {
    return new DocumentExtraction(
        "Jane",
        "Machava",
        LocalDate.of(1990, 1, 15),
        SensitiveId.of("id_number", "110100123456A"),
        expires.minusYears(10),
        expires,
        null);
  }

  static KycCheck pendingCheck() {
    return KycCheck.submitted(
        KycCheckId.KIND.next(RANDOM),
        CustomerId.KIND.next(RANDOM),
        KycFixtures.REFERENCE,
        "smile_id",
        VendorJob.of("job_1"),
        FileId.KIND.next(RANDOM),
        T0,
        DEADLINE);
  }
}
