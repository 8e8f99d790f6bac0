package com.customerservice.domain.port;

import com.customerservice.domain.idempotency.Claim;
import com.customerservice.domain.idempotency.IdempotentRequest;
import com.customerservice.domain.idempotency.KeptAnswer;
import java.time.Instant;

/**
 * The keys of idempotent requests and their first answers, shared by every instance. A key is
 * claimed before its request runs; the claim lapses at {@code claimUntil} (so a runner that died
 * does not hold the key forever) and the record at {@code expiresAt}.
 */
public interface IdempotencyStore {

  /**
   * Claims {@code request}'s key for the runner {@code token}, or says why not. A record past its
   * expiry counts as absent; a lapsed claim of the same request is taken over.
   */
  Claim claim(
      IdempotentRequest request, String token, Instant now, Instant claimUntil, Instant expiresAt);

  /** Keeps {@code answer} for the key, if {@code token} still holds its claim. */
  void complete(IdempotentRequest request, String token, KeptAnswer answer);

  /** Gives the key up, if {@code token} still holds its claim: a retry runs the request again. */
  void release(IdempotentRequest request, String token);

  /** Deletes up to {@code max} records expired before {@code now}; returns how many. */
  int deleteExpired(Instant now, int max);
}
