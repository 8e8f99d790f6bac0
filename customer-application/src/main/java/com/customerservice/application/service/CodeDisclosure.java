package com.customerservice.application.service;

/**
 * Whether the initiate response carries the code: only a sandbox, where no SMS is sent, shows it.
 */
public enum CodeDisclosure {
  IN_RESPONSE,
  NEVER
}
