package com.customerservice.domain.error;

/**
 * A message that claims to come from a partner (a KYC vendor's callback) whose signature does not
 * prove it, or proves it too late to trust (a stale timestamp). Nothing it says is acted on.
 */
public final class NotAuthenticException extends DomainException {
  private static final long serialVersionUID = 1L;

  public NotAuthenticException(String message) {
    super(Category.NOT_AUTHENTIC, "signature_invalid", message, null);
  }
}
