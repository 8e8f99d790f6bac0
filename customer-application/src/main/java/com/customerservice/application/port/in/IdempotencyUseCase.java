package com.customerservice.application.port.in;

import com.customerservice.domain.idempotency.Claim;
import com.customerservice.domain.idempotency.IdempotentRequest;
import com.customerservice.domain.idempotency.StoredAnswer;

/**
 * Requests a client may retry without their effect happening twice: a keyed request is claimed
 * before it runs, and its first answer is kept and given to every retry.
 */
public interface IdempotencyUseCase {

  /** Claims the request's key, or says why it may not run (running, reused, answered). */
  Claim begin(IdempotentRequest request);

  /**
   * Keeps {@code answer} for retries; answers of 5xx and 429 are not kept (the retry runs again),
   * so they give the key up instead.
   */
  void finish(IdempotentRequest request, Claim.Granted claim, StoredAnswer answer);

  /** Gives the key up when the request ended without an answer worth keeping. */
  void abandon(IdempotentRequest request, Claim.Granted claim);

  /** Background work: deletes expired keys, a batch at a time; returns how many. */
  int expire();
}
