package com.customerservice.domain.error;

/** A value the caller sent breaks a rule; {@code param} names the field. */
public final class InvalidValueException extends DomainException {
  private static final long serialVersionUID = 1L;

  public InvalidValueException(String code, String param, String message) {
    super(Category.INVALID, code, message, param);
  }

  public static InvalidValueException invalid(String param, String message) {
    return new InvalidValueException("parameter_invalid", param, message);
  }

  public static InvalidValueException missing(String param) {
    return new InvalidValueException("parameter_missing", param, param + " is required");
  }
}
