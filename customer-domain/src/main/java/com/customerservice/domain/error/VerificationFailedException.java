package com.customerservice.domain.error;

/** A verification code was wrong, or its session can no longer be used. */
public final class VerificationFailedException extends DomainException {
  private static final long serialVersionUID = 1L;

  public VerificationFailedException(String code, String param, String message) {
    super(Category.VERIFICATION_FAILED, code, message, param);
  }
}
