package com.customerservice.domain.kyc;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a vendor names a job it took: {@code reference} (its job or check id, what its callbacks
 * quote) and, for vendors that keep a record of the person across jobs (Onfido's applicant), the
 * {@code subject} to quote in the customer's next job. Both are the vendor's opaque words; only
 * back-office views show them.
 */
public record VendorJob(String reference, Optional<String> subject) {
  private static final Pattern WORD = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}");

  public VendorJob {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(subject, "subject");
    if (!WORD.matcher(reference).matches()) {
      throw new IllegalArgumentException("a vendor job reference is 1 to 200 plain characters");
    }
    subject.ifPresent(
        s -> {
          if (!WORD.matcher(s).matches()) {
            throw new IllegalArgumentException("a vendor subject is 1 to 200 plain characters");
          }
        });
  }

  /** A job of a vendor that keeps no record of the person between jobs. */
  public static VendorJob of(String reference) {
    return new VendorJob(reference, Optional.empty());
  }
}
