package com.customerservice.domain.kyc;

import com.customerservice.domain.shared.Coded;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Why a KYC check was refused, by a vendor or by a person, and what that does to the customer's
 * case: a failure the customer may retry (counted; the third rejects the case), a refusal that
 * rejects the case at once, or one that counts nothing (the document, not the person, was at fault,
 * or the image could not be processed).
 */
public enum Refusal implements Coded {
  FACE_MISMATCH(KycCheck.Result.MATCH, Effect.COUNTS, true),
  NOT_LIVE(KycCheck.Result.LIVE, Effect.COUNTS, true),
  DOCUMENT_UNREADABLE(KycCheck.Result.DOCUMENT, Effect.COUNTS, true),
  DOCUMENT_TAMPERED(KycCheck.Result.DOCUMENT, Effect.REJECTS, true),
  DATA_MISMATCH(KycCheck.Result.DOCUMENT, Effect.REJECTS, true),
  OTHER(null, Effect.REJECTS, true),
  /** The vendor could not verify the document (failed security features, not a valid document). */
  DOCUMENT_UNVERIFIED(KycCheck.Result.DOCUMENT, Effect.NONE, false),
  /** The document read in the selfie's job has expired. */
  DOCUMENT_EXPIRED(KycCheck.Result.DOCUMENT, Effect.NONE, false),
  /** The vendor could not process the images (no face found, too blurred): try again. */
  IMAGE_UNPROCESSABLE(null, Effect.NONE, false);

  /** What a refusal does to the customer's case. */
  public enum Effect {
    /** One failed attempt; the third rejects the case. */
    COUNTS,
    /** The case is rejected at once. */
    REJECTS,
    /** Nothing is counted: the customer may try again. */
    NONE
  }

  public static final String FIELD = "reason_code";

  private final KycCheck.Result result;
  private final Effect effect;
  private final boolean reviewerReason;

  Refusal(KycCheck.Result result, Effect effect, boolean reviewerReason) {
    this.result = result;
    this.effect = effect;
    this.reviewerReason = reviewerReason;
  }

  @Override
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The check's result this refusal stands for; empty when none of them says it. */
  public Optional<KycCheck.Result> result() {
    return Optional.ofNullable(result);
  }

  public Effect effect() {
    return effect;
  }

  /** The reasons a person may give for rejecting a case under review, in the API's order. */
  public static List<Refusal> reviewerReasons() {
    return Arrays.stream(values()).filter(r -> r.reviewerReason).toList();
  }

  /** A reviewer's reason by its code, or a 400-style error listing the codes. */
  public static Refusal parseReviewerReason(String code) {
    return Coded.parse(reviewerReasons().toArray(Refusal[]::new), code, FIELD);
  }

  public static Refusal fromCode(String code) {
    return Coded.parse(values(), code, FIELD);
  }
}
