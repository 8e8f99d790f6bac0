package com.customerservice.domain.error;

/** The named resource does not exist or is not visible (a closed customer, say). */
public final class NotFoundException extends DomainException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String param, String message) {
    super(Category.NOT_FOUND, "resource_missing", message, param);
  }
}
