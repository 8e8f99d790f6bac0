package com.customerservice.application.service;

import com.customerservice.application.port.in.ConsoleSessionsUseCase;
import com.customerservice.domain.console.ConsoleSession;
import com.customerservice.domain.event.Actor;
import com.customerservice.domain.limit.RateLimit;
import com.customerservice.domain.port.ConsoleSessionStore;
import com.customerservice.domain.port.RateLimiter;
import com.customerservice.domain.shared.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Console sessions over their store: tokens of 32 random bytes (only their hash is kept), a form
 * token per session, eight hours, and sign-in attempts budgeted in the shared rate limiter.
 */
public final class ConsoleSessionsService implements ConsoleSessionsUseCase {
  /**
   * Attempts from one address: a person who mistypes a key a few times is not stopped, a script
   * guessing keys gets 20 tries an hour. (Behind a proxy every client shares its address; the
   * overall budget still holds.)
   */
  public static final RateLimit ATTEMPTS_PER_ADDRESS =
      new RateLimit(
          "console_sign_in_address",
          10,
          5,
          Duration.ofMinutes(15),
          "Too many sign-in attempts from this address: wait a few minutes and try again");

  /** Attempts from everyone together: a whole team signs in within it, a distributed guess not. */
  public static final RateLimit ATTEMPTS_OVERALL =
      RateLimit.per(
          "console_sign_in_all",
          60,
          Duration.ofMinutes(1),
          "Too many sign-in attempts: wait a minute and try again");

  private static final int TOKEN_BYTES = 32;
  private static final String EVERYONE = "all";

  private final ConsoleSessionStore sessions;
  private final RateLimiter limiter;
  private final RandomGenerator random;
  private final Clock clock;

  public ConsoleSessionsService(
      ConsoleSessionStore sessions, RateLimiter limiter, RandomGenerator random, Clock clock) {
    this.sessions = sessions;
    this.limiter = limiter;
    this.random = random;
    this.clock = clock;
  }

  @Override
  public void admitSignInAttempt(String clientAddress) {
    Objects.requireNonNull(clientAddress, "clientAddress");
    limiter.acquire(ATTEMPTS_PER_ADDRESS, clientAddress);
    limiter.acquire(ATTEMPTS_OVERALL, EVERYONE);
  }

  @Override
  public SignedIn signIn(String keyName) {
    if (!Actor.isValidName(keyName)) {
      throw new IllegalArgumentException("an API key's name is 1 to 64 letters, digits, . _ -");
    }
    String token = randomToken();
    ConsoleSession session =
        ConsoleSession.start(
            ConsoleSession.hashOf(token), keyName, randomToken(), Timestamps.now(clock));
    sessions.create(session);
    return new SignedIn(token, session);
  }

  @Override
  public Optional<ConsoleSession> find(String token) {
    if (token == null || token.isEmpty() || token.length() > 100) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    return sessions.findByTokenHash(ConsoleSession.hashOf(token)).filter(s -> s.isLiveAt(now));
  }

  @Override
  public void signOut(String token) {
    if (token != null && !token.isEmpty() && token.length() <= 100) {
      sessions.revoke(ConsoleSession.hashOf(token));
    }
  }

  @Override
  public int expire() {
    Instant now = Timestamps.now(clock);
    return Batches.deleteAll(() -> sessions.deleteExpired(now, Batches.SIZE));
  }

  private String randomToken() {
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
