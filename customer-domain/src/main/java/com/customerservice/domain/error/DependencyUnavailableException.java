package com.customerservice.domain.error;

/**
 * A dependency (database, KYC vendor, SMS gateway) cannot answer now. Never carries the
 * dependency's own message to the caller: it may hold details that are not the caller's business.
 */
public final class DependencyUnavailableException extends DomainException {
  private static final long serialVersionUID = 1L;

  public DependencyUnavailableException(String code, String message, Throwable cause) {
    super(Category.UNAVAILABLE, code, message, null);
    if (cause != null) {
      initCause(cause);
    }
  }
}
