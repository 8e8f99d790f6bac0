package com.customerservice.domain.error;

/** Content larger than the rules allow. */
public final class TooLargeException extends DomainException {
  private static final long serialVersionUID = 1L;

  public TooLargeException(String param, String message) {
    super(Category.TOO_LARGE, "file_too_large", message, param);
  }
}
