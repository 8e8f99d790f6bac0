package com.customerservice.domain.error;

/** Content that is not a JPEG or PNG image that decodes. */
public final class UnsupportedImageException extends DomainException {
  private static final long serialVersionUID = 1L;

  public UnsupportedImageException(String param, String message) {
    super(Category.UNSUPPORTED_MEDIA, "image_invalid", message, param);
  }
}
