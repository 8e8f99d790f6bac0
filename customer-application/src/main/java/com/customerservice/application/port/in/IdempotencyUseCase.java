package com.customerservice.application.port.in;

import com.customerservice.domain.idempotency.Claim;
import com.customerservice.domain.idempotency.IdempotentRequest;
import com.customerservice.domain.idempotency.KeptAnswer;

/**
 * Requests a client may retry without their effect happening twice: a keyed request is claimed
 * before it runs, and its first answer is kept and given to every retry.
 */
public interface IdempotencyUseCase {

  /** Claims the request's key, or says why it may not run (running, reused, answered). */
  Claim begin(IdempotentRequest request);

  /** Keeps {@code answer} for retries. */
  void finish(IdempotentRequest request, Claim.Granted claim, KeptAnswer answer);

  /**
   * Gives the key up when the request ended without an answer worth keeping (which those are is the
   * adapter's call): a retry runs it again.
   */
  void abandon(IdempotentRequest request, Claim.Granted claim);

  /** Background work: deletes expired keys, a batch at a time; returns how many. */
  int expire();
}
