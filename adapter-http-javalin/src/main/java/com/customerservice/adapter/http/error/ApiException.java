package com.customerservice.adapter.http.error;

import java.util.Optional;

/**
 * A failure of the HTTP exchange itself (malformed JSON, a missing API key, an unknown route), as
 * opposed to one the domain reports. Carries everything the error envelope needs.
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String type;
  private final String code;
  private final String param;

  public ApiException(int status, String type, String code, String message, String param) {
    super(message);
    this.status = status;
    this.type = type;
    this.code = code;
    this.param = param;
  }

  public static ApiException badRequest(String code, String message, String param) {
    return new ApiException(400, ErrorType.INVALID_REQUEST, code, message, param);
  }

  public static ApiException unsupportedMediaType(String message) {
    return new ApiException(415, ErrorType.INVALID_REQUEST, "content_type_invalid", message, null);
  }

  public static ApiException tooLarge(String message, String param) {
    return new ApiException(413, ErrorType.INVALID_REQUEST, "request_too_large", message, param);
  }

  public int status() {
    return status;
  }

  public String type() {
    return type;
  }

  public String code() {
    return code;
  }

  public Optional<String> param() {
    return Optional.ofNullable(param);
  }
}
