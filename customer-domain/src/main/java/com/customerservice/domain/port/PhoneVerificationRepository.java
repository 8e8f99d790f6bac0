package com.customerservice.domain.port;

import com.customerservice.domain.customer.PhoneNumber;
import com.customerservice.domain.verification.PhoneVerificationSession;
import com.customerservice.domain.verification.SessionId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where phone verification sessions are kept. The rate limits read from it, so it must be shared by
 * every instance of the service.
 */
public interface PhoneVerificationRepository {

  /**
   * When codes were sent to {@code phone} after {@code since}. Inside a unit of work, concurrent
   * initiations for the same phone are serialised from this call until the work ends, so that a
   * check of the limits followed by {@link #insert} cannot be raced.
   */
  List<Instant> initiationsSince(PhoneNumber phone, Instant since);

  void insert(PhoneVerificationSession session);

  /**
   * Stores a change made from the session at its {@link PhoneVerificationSession#version()}.
   *
   * @throws com.customerservice.domain.error.ConflictException {@code concurrent_modification} when
   *     another request changed the session first
   */
  PhoneVerificationSession update(PhoneVerificationSession changed);

  Optional<PhoneVerificationSession> find(SessionId id);

  /** Forgets a session whose code could not be delivered, so it counts against no limit. */
  void delete(SessionId id);
}
