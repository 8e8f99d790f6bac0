package com.customerservice.bootstrap;

/** How the service runs: a sandbox for development and client testing, or production. */
public enum Mode {
  /**
   * Codes in the initiate response, the sandbox KYC provider, embedded database, generated keys.
   */
  SANDBOX,
  /** Real SMS and KYC vendors, an operator's database and keys, API keys required. */
  PRODUCTION
}
