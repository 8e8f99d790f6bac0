package com.customerservice.domain.port;

import com.customerservice.domain.customer.Customer;
import com.customerservice.domain.event.CustomerEvent;
import com.customerservice.domain.verification.PhoneVerificationSession;
import com.customerservice.domain.verification.SessionId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where phone verification sessions are kept. The rate limits read from it, so it must be shared by
 * every instance of the service.
 *
 * <p>Each method is one atomic write on its own: the use cases need no surrounding unit of work,
 * and a store can do each in as few round trips as it is able to.
 */
public interface PhoneVerificationRepository {

  /**
   * Stores a new session if {@code limit} lets it. {@code limit} is given the instants at which
   * codes were sent to the same phone after {@code since} (the new session not among them); when it
   * throws, nothing is stored and its exception propagates. Calls for one phone are serialised
   * across every instance of the service, so two cannot both pass the limit on the same history.
   */
  void insert(PhoneVerificationSession session, Instant since, Consumer<List<Instant>> limit);

  /**
   * Stores a change made from the session at its {@link PhoneVerificationSession#version()}.
   *
   * @throws com.customerservice.domain.error.ConflictException {@code concurrent_modification} when
   *     another request changed the session first
   */
  PhoneVerificationSession update(PhoneVerificationSession changed);

  /**
   * Stores a session's completion together with the customer it created and the events that record
   * it: all are kept, or none is.
   *
   * @param completed the session, changed from its {@link PhoneVerificationSession#version()} to
   *     verified for {@code created}
   * @throws com.customerservice.domain.error.ConflictException {@code concurrent_modification} when
   *     another request changed the session first, {@code phone_number_taken} when an active
   *     customer already has the phone
   * @throws IllegalArgumentException when {@code completed} was not completed for {@code created}
   */
  void complete(PhoneVerificationSession completed, Customer created, List<CustomerEvent> events);

  /** {@link #complete(PhoneVerificationSession, Customer, List)} with no event. */
  default void complete(PhoneVerificationSession completed, Customer created) {
    complete(completed, created, List.of());
  }

  Optional<PhoneVerificationSession> find(SessionId id);

  /** Forgets a session whose code could not be delivered, so it counts against no limit. */
  void delete(SessionId id);
}
