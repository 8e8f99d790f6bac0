package com.customerservice.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerservice.domain.idempotency.Claim;
import com.customerservice.domain.idempotency.IdempotencyKey;
import com.customerservice.domain.idempotency.IdempotentRequest;
import com.customerservice.domain.idempotency.KeptAnswer;
import com.customerservice.domain.port.IdempotencyStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every idempotency store must do: one runner per key (across threads, and across instances
 * for a shared store), the first answer kept and given back, a different request under the same key
 * told apart, a dead runner's claim lapsing, and records expiring.
 */
public abstract class IdempotencyStoreContract {
  private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
  private static final Duration CLAIM = Duration.ofSeconds(60);
  private static final Duration KEPT = Duration.ofHours(24);

  protected abstract IdempotencyStore store();

  private static IdempotentRequest request(String key, String fingerprint) {
    return new IdempotentRequest("mobile-app", new IdempotencyKey(key), fingerprint);
  }

  private static String uniqueKey() {
    return "key-" + UUID.randomUUID();
  }

  private Claim claim(IdempotentRequest request, String token, Instant now) {
    return store().claim(request, token, now, now.plus(CLAIM), now.plus(KEPT));
  }

  /** What the adapter writes is opaque to the store: kept and given back as it is. */
  private static KeptAnswer answer(String body) {
    return new KeptAnswer(
        "{\"status\":201,\"headers\":{\"Location\":\"/v1/customers/cus_1\"}}",
        body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theFirstRequestRunsAndItsAnswerIsGivenToRetries() {
    IdempotentRequest request = request(uniqueKey(), "POST /v1/customers/initiate #1");
    assertThat(claim(request, "run-1", T0)).isEqualTo(new Claim.Granted("run-1"));
    assertThat(claim(request, "run-2", T0.plusSeconds(1))).isEqualTo(new Claim.InProgress());

    store().complete(request, "run-1", answer("{\"session_id\":\"ses_1\"}"));

    assertThat(claim(request, "run-3", T0.plusSeconds(2)))
        .isEqualTo(new Claim.Answered(answer("{\"session_id\":\"ses_1\"}")));
    KeptAnswer rerendered = new KeptAnswer("{\"status\":200,\"rerender\":\"kyc_1\"}", new byte[0]);
    IdempotentRequest upload = request(uniqueKey(), "POST upload #1");
    claim(upload, "run-4", T0);
    store().complete(upload, "run-4", rerendered);
    assertThat(claim(upload, "run-5", T0)).isEqualTo(new Claim.Answered(rerendered));
  }

  @Test
  void aKeyUsedForAnotherRequestIsToldApart() {
    String key = uniqueKey();
    claim(request(key, "PUT /v1/customers/cus_1 #a"), "run-1", T0);
    assertThat(claim(request(key, "PUT /v1/customers/cus_1 #b"), "run-2", T0))
        .isEqualTo(new Claim.Reused());
    store().complete(request(key, "PUT /v1/customers/cus_1 #a"), "run-1", answer("{}"));
    assertThat(claim(request(key, "PUT /v1/customers/cus_1 #b"), "run-2", T0))
        .isEqualTo(new Claim.Reused());
  }

  @Test
  void keysAreScopedToTheCaller() {
    String key = uniqueKey();
    IdempotentRequest mine = request(key, "same");
    IdempotentRequest theirs = new IdempotentRequest("back-office", mine.key(), "same");
    assertThat(claim(mine, "run-1", T0)).isInstanceOf(Claim.Granted.class);
    assertThat(claim(theirs, "run-2", T0)).isInstanceOf(Claim.Granted.class);
  }

  @Test
  void aReleasedKeyRunsAgainAndOnlyItsRunnerCanStoreOrRelease() {
    IdempotentRequest request = request(uniqueKey(), "fp");
    claim(request, "run-1", T0);
    store().release(request, "someone-else");
    store().complete(request, "someone-else", answer("{\"forged\":true}"));
    assertThat(claim(request, "run-2", T0)).isEqualTo(new Claim.InProgress());

    store().release(request, "run-1");
    assertThat(claim(request, "run-2", T0)).isEqualTo(new Claim.Granted("run-2"));
  }

  @Test
  void aDeadRunnersClaimLapsesAndTheLateRunnerCannotOverwrite() {
    IdempotentRequest request = request(uniqueKey(), "fp");
    claim(request, "run-dead", T0);
    assertThat(claim(request, "run-2", T0.plus(CLAIM).minusMillis(1)))
        .isEqualTo(new Claim.InProgress());
    assertThat(claim(request, "run-2", T0.plus(CLAIM).plusMillis(1)))
        .isEqualTo(new Claim.Granted("run-2"));
    store().complete(request, "run-dead", answer("{\"late\":true}"));
    store().complete(request, "run-2", answer("{\"second\":true}"));
    assertThat(claim(request, "run-3", T0.plus(CLAIM).plusSeconds(2)))
        .isEqualTo(new Claim.Answered(answer("{\"second\":true}")));
  }

  @Test
  void recordsExpireAndAreDeleted() {
    IdempotentRequest request = request(uniqueKey(), "fp");
    claim(request, "run-1", T0);
    store().complete(request, "run-1", answer("{}"));
    Instant later = T0.plus(KEPT).plusSeconds(1);
    // Past its expiry the key is free again, for any request, before any clean-up ran.
    assertThat(claim(request(request.key().value(), "other"), "run-2", later))
        .isEqualTo(new Claim.Granted("run-2"));

    IdempotentRequest old = request(uniqueKey(), "fp");
    claim(old, "run-3", T0.minus(KEPT).minusSeconds(5));
    assertThat(store().deleteExpired(T0, 10_000)).isGreaterThanOrEqualTo(1);
    assertThat(claim(old, "run-4", T0)).isEqualTo(new Claim.Granted("run-4"));
  }

  @Test
  void manyRunnersAtOnceGrantOneClaim() throws Exception {
    IdempotentRequest request = request(uniqueKey(), "fp");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Claim>> tries = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        String token = "run-" + i;
        tries.add(() -> claim(request, token, T0));
      }
      List<Claim> claims = new ArrayList<>();
      for (Future<Claim> f : pool.invokeAll(tries)) {
        claims.add(f.get());
      }
      assertThat(claims).filteredOn(c -> c instanceof Claim.Granted).hasSize(1);
      assertThat(claims).filteredOn(c -> c instanceof Claim.InProgress).hasSize(15);
    } finally {
      pool.shutdownNow();
    }
  }
}
