package com.customerservice.domain.kyc;

import java.util.Objects;
import java.util.Optional;

/** What a selfie check concluded; only {@link Match} verifies a customer. */
public sealed interface SelfieResult {

  /** The result code clients see, or {@code null} for a match. */
  String code();

  /** A sentence for people, or {@code null} for a match. */
  String description();

  /** Whether this outcome counts towards the failed attempts that reject a customer. */
  default boolean countsAsFailure() {
    return false;
  }

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

    @Override
    public boolean countsAsFailure() {
      return true;
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

    @Override
    public boolean countsAsFailure() {
      return true;
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
