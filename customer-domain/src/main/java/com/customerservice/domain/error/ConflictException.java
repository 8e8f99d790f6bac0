package com.customerservice.domain.error;

/** The request collides with the current state. */
public final class ConflictException extends DomainException {
  private static final long serialVersionUID = 1L;

  public static final String PHONE_NUMBER_TAKEN = "phone_number_taken";
  public static final String CONCURRENT_MODIFICATION = "concurrent_modification";
  public static final String IDENTITY_VERIFIED = "identity_verified";
  public static final String KYC_CHECK_IN_PROGRESS = "kyc_check_in_progress";
  public static final String REVIEW_CLAIMED = "review_claimed";
  public static final String REVIEW_ALREADY_DECIDED = "review_already_decided";

  private ConflictException(String code, String message, String param) {
    super(Category.CONFLICT, code, message, param);
  }

  public static ConflictException phoneNumberTaken() {
    return new ConflictException(
        PHONE_NUMBER_TAKEN, "This phone number already belongs to a customer", "phone_number");
  }

  public static ConflictException concurrentModification() {
    return new ConflictException(
        CONCURRENT_MODIFICATION,
        "The resource was changed by another request at the same time; read it again and retry",
        null);
  }

  /**
   * A change to the identity a verified document proved; {@code field} names it, or is null when
   * the whole verification would be redone.
   */
  public static ConflictException identityVerified(String field) {
    return new ConflictException(
        IDENTITY_VERIFIED,
        field == null
            ? "The customer's identity is verified; KYC must be reopened before it can change"
            : field + " is part of the verified identity; KYC must be reopened to change it",
        field);
  }

  /**
   * A KYC check of the customer still waits for a vendor's verdict or a person's decision: another
   * selfie or document now would pay for a second check whose answer could contradict the first.
   */
  public static ConflictException kycCheckInProgress() {
    return new ConflictException(
        KYC_CHECK_IN_PROGRESS,
        "A KYC check of this customer is still in progress; wait for its verdict",
        null);
  }

  /** Another reviewer holds the review until {@code until}. */
  public static ConflictException reviewClaimed(java.time.Instant until) {
    return new ConflictException(
        REVIEW_CLAIMED,
        "Another reviewer holds this review until " + until + "; it can be taken after that",
        null);
  }

  /** The review was closed ({@code status}: decided or superseded) and decides nothing more. */
  public static ConflictException reviewAlreadyDecided(String status) {
    return new ConflictException(
        REVIEW_ALREADY_DECIDED, "This review is " + status + " and cannot be decided again", null);
  }

  /** Another endpoint would pass the most a service keeps enabled. */
  public static ConflictException webhookEndpointLimit(int max) {
    return new ConflictException(
        "webhook_endpoint_limit_reached",
        "At most " + max + " webhook endpoints may be enabled; delete one first",
        null);
  }

  public boolean isPhoneNumberTaken() {
    return PHONE_NUMBER_TAKEN.equals(code());
  }
}
