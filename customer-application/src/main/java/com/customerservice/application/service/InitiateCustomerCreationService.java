package com.customerservice.application.service;

import com.customerservice.application.port.in.InitiateCustomerCreationUseCase;
import com.customerservice.application.port.out.CallContext;
import com.customerservice.domain.error.ConflictException;
import com.customerservice.domain.error.DependencyUnavailableException;
import com.customerservice.domain.port.CustomerRepository;
import com.customerservice.domain.port.OtpSender;
import com.customerservice.domain.port.PhoneVerificationRepository;
import com.customerservice.domain.port.RateLimiter;
import com.customerservice.domain.shared.Timestamps;
import com.customerservice.domain.verification.InitiationRateLimit;
import com.customerservice.domain.verification.OtpCode;
import com.customerservice.domain.verification.OtpHasher;
import com.customerservice.domain.verification.OtpSendPolicy;
import com.customerservice.domain.verification.PhoneVerificationSession;
import com.customerservice.domain.verification.SessionId;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Opens a verification session and sends its code. A registered phone is refused first, then a
 * number codes may not be sent to (not a mobile of an allowed country), then the caller's and the
 * service's send budgets are spent. The session is stored (with the per-phone limit checked in the
 * same atomic write) before the code is sent; when sending fails, the session is removed again so
 * that it counts against no per-phone limit.
 */
public final class InitiateCustomerCreationService implements InitiateCustomerCreationUseCase {
  private final CustomerRepository customers;
  private final PhoneVerificationRepository sessions;
  private final OtpSender sender;
  private final OtpHasher hasher;
  private final RandomGenerator random;
  private final Clock clock;
  private final CodeDisclosure disclosure;
  private final OtpSendPolicy policy;
  private final RateLimiter limiter;
  private final CallContext calls;

  public InitiateCustomerCreationService(
      CustomerRepository customers,
      PhoneVerificationRepository sessions,
      OtpSender sender,
      OtpHasher hasher,
      RandomGenerator random,
      Clock clock,
      CodeDisclosure disclosure,
      OtpSendPolicy policy,
      RateLimiter limiter,
      CallContext calls) {
    this.customers = customers;
    this.sessions = sessions;
    this.sender = sender;
    this.hasher = hasher;
    this.random = random;
    this.clock = clock;
    this.disclosure = disclosure;
    this.policy = policy;
    this.limiter = limiter;
    this.calls = calls;
  }

  @Override
  public Started initiate(Command command) {
    OtpCode code = OtpCode.generate(random);
    Instant now = Timestamps.now(clock);
    // A registered phone always answers "taken", before any limit is looked at.
    if (customers.findActiveByPhone(command.phone()).isPresent()) {
      throw ConflictException.phoneNumberTaken();
    }
    policy.requireSendable(command.phone());
    policy.perCaller().ifPresent(budget -> limiter.acquire(budget, calls.actor().name()));
    policy.overall().ifPresent(budget -> limiter.acquire(budget, "service"));
    PhoneVerificationSession session =
        PhoneVerificationSession.start(
            SessionId.KIND.next(random), command.phone(), code, hasher, now);
    sessions.insert(
        session,
        InitiationRateLimit.windowStart(now),
        earlier -> InitiationRateLimit.check(earlier, now));
    try {
      sender.send(command.phone(), code);
    } catch (RuntimeException e) {
      sessions.delete(session.id());
      throw new DependencyUnavailableException(
          "otp_delivery_failed", "The verification code could not be sent; try again shortly", e);
    }
    Optional<OtpCode> shown =
        disclosure == CodeDisclosure.IN_RESPONSE ? Optional.of(code) : Optional.empty();
    return new Started(session.id(), shown);
  }
}
