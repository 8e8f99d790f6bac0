package com.customerservice.adapter.http.auth;

import io.javalin.security.RouteRole;

/**
 * Routes under {@code /v1} that take no API key because something else authenticates them: a KYC
 * vendor's callback carries the vendor's own signature, which its client checks.
 */
public enum Access implements RouteRole {
  VENDOR_SIGNED;

  /** Where vendors post their callbacks: the paths that take no API key. */
  public static final String CALLBACKS = "/v1/kyc/callbacks/";
}
