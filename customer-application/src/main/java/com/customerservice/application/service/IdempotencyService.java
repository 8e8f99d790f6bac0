package com.customerservice.application.service;

import com.customerservice.application.port.in.IdempotencyUseCase;
import com.customerservice.domain.idempotency.Claim;
import com.customerservice.domain.idempotency.IdempotencyPolicy;
import com.customerservice.domain.idempotency.IdempotentRequest;
import com.customerservice.domain.idempotency.KeptAnswer;
import com.customerservice.domain.port.IdempotencyStore;
import com.customerservice.domain.shared.RandomIds;
import com.customerservice.domain.shared.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.util.random.RandomGenerator;

public final class IdempotencyService implements IdempotencyUseCase {
  private final IdempotencyStore store;
  private final IdempotencyPolicy policy;
  private final RandomGenerator random;
  private final Clock clock;

  public IdempotencyService(
      IdempotencyStore store, IdempotencyPolicy policy, RandomGenerator random, Clock clock) {
    this.store = store;
    this.policy = policy;
    this.random = random;
    this.clock = clock;
  }

  @Override
  public Claim begin(IdempotentRequest request) {
    Instant now = Timestamps.now(clock);
    return store.claim(
        request,
        RandomIds.next("run_", random),
        now,
        now.plus(policy.claim()),
        now.plus(policy.retention()));
  }

  @Override
  public void finish(IdempotentRequest request, Claim.Granted claim, KeptAnswer answer) {
    store.complete(request, claim.token(), answer);
  }

  @Override
  public void abandon(IdempotentRequest request, Claim.Granted claim) {
    store.release(request, claim.token());
  }

  @Override
  public int expire() {
    Instant now = Timestamps.now(clock);
    return Batches.deleteAll(() -> store.deleteExpired(now, Batches.SIZE));
  }
}
