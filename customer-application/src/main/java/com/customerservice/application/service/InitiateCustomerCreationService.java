package com.customerservice.application.service;

import com.customerservice.application.port.in.InitiateCustomerCreationUseCase;
import com.customerservice.domain.error.ConflictException;
import com.customerservice.domain.error.DependencyUnavailableException;
import com.customerservice.domain.port.CustomerRepository;
import com.customerservice.domain.port.OtpSender;
import com.customerservice.domain.port.PhoneVerificationRepository;
import com.customerservice.domain.shared.Timestamps;
import com.customerservice.domain.verification.InitiationRateLimit;
import com.customerservice.domain.verification.OtpCode;
import com.customerservice.domain.verification.OtpHasher;
import com.customerservice.domain.verification.PhoneVerificationSession;
import com.customerservice.domain.verification.SessionId;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Opens a verification session and sends its code. The session is stored (with the rate limit
 * checked in the same atomic write) before the code is sent; when sending fails, the session is
 * removed again so that it counts against no limit.
 */
public final class InitiateCustomerCreationService implements InitiateCustomerCreationUseCase {
  private final CustomerRepository customers;
  private final PhoneVerificationRepository sessions;
  private final OtpSender sender;
  private final OtpHasher hasher;
  private final RandomGenerator random;
  private final Clock clock;
  private final CodeDisclosure disclosure;

  public InitiateCustomerCreationService(
      CustomerRepository customers,
      PhoneVerificationRepository sessions,
      OtpSender sender,
      OtpHasher hasher,
      RandomGenerator random,
      Clock clock,
      CodeDisclosure disclosure) {
    this.customers = customers;
    this.sessions = sessions;
    this.sender = sender;
    this.hasher = hasher;
    this.random = random;
    this.clock = clock;
    this.disclosure = disclosure;
  }

  @Override
  public Started initiate(Command command) {
    OtpCode code = OtpCode.generate(random);
    Instant now = Timestamps.now(clock);
    // A registered phone always answers "taken", before any limit is looked at.
    if (customers.findActiveByPhone(command.phone()).isPresent()) {
      throw ConflictException.phoneNumberTaken();
    }
    PhoneVerificationSession session =
        PhoneVerificationSession.start(SessionId.newId(random), command.phone(), code, hasher, now);
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
