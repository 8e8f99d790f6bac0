package com.customerservice.domain.error;

/** A well-formed KYC request that the rules refuse, such as an expired document. */
public final class KycRefusedException extends DomainException {
  private static final long serialVersionUID = 1L;

  public KycRefusedException(String code, String param, String message) {
    super(Category.KYC_REFUSED, code, message, param);
  }
}
