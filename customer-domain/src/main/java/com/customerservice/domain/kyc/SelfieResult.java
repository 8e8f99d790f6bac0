package com.customerservice.domain.kyc;

import java.util.Objects;
import java.util.Optional;

/**
 * What the selfie upload answers its caller: only {@link Match} verifies a customer; {@link
 * Pending} says the verdict follows later.
 */
public sealed interface SelfieResult {

  /** The result code clients see, or {@code null} for a match. */
  String code();

  /** A sentence for people, or {@code null} for a match. */
  String description();

  /**
   * A live person whose face matches the document photo. {@code reading} holds the document's
   * fields when the provider read the document in the same job as the selfie.
   */
  record Match(Optional<DocumentExtraction> reading) implements SelfieResult {
    public Match {
      Objects.requireNonNull(reading, "reading");
    }

    /** A match by a provider that read the document when it was uploaded. */
    public Match() {
      this(Optional.empty());
    }

    @Override
    public String code() {
      return null;
    }

    @Override
    public String description() {
      return null;
    }
  }

  /** The selfie is not of a live person (a photo of a photo, a screen, a mask). */
  record NotLive() implements SelfieResult {
    @Override
    public String code() {
      return "live";
    }

    @Override
    public String description() {
      return "Selfie is not from a live person";
    }
  }

  /** A live face that is not the one on the document. */
  record FaceMismatch() implements SelfieResult {
    @Override
    public String code() {
      return "match";
    }

    @Override
    public String description() {
      return "Face does not match the document photo";
    }
  }

  /**
   * The vendor has not decided yet (it took the job and will answer later, or a person must
   * decide): the verdict follows, as an event. Clients see it as "processing", as before.
   */
  record Pending() implements SelfieResult {
    @Override
    public String code() {
      return "processing";
    }

    @Override
    public String description() {
      return "The verification is in progress; its result will follow";
    }
  }

  /**
   * The provider could not decide (a blurred image, a vendor error): never a verdict, so it does
   * not count against the customer.
   */
  record ProcessingError() implements SelfieResult {
    @Override
    public String code() {
      return "processing";
    }

    @Override
    public String description() {
      return "Error processing the image";
    }
  }
}
