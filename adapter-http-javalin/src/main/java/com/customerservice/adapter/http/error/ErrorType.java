package com.customerservice.adapter.http.error;

/** The {@code error.type} values of the envelope, as the contract decisions list them. */
public final class ErrorType {
  public static final String INVALID_REQUEST = "invalid_request_error";
  public static final String AUTHENTICATION = "authentication_error";
  public static final String RATE_LIMIT = "rate_limit_error";
  public static final String VERIFICATION = "verification_error";
  public static final String KYC = "kyc_error";
  public static final String API = "api_error";

  private ErrorType() {}
}
