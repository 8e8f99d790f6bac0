package com.customerservice.domain.port;

import com.customerservice.domain.customer.Customer;
import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.customer.CustomerPage;
import com.customerservice.domain.customer.CustomerQuery;
import com.customerservice.domain.customer.PhoneNumber;
import com.customerservice.domain.event.CustomerEvent;
import java.util.List;
import java.util.Optional;

/**
 * Where customers are kept. Closed customers stay stored but no read returns them, and at most one
 * active customer holds a phone number.
 */
public interface CustomerRepository {

  /**
   * Stores a new customer and appends the events that record its creation, atomically: both are
   * stored or neither (a transactional outbox).
   *
   * @throws com.customerservice.domain.error.ConflictException {@code phone_number_taken} when an
   *     active customer already holds the phone
   */
  void insert(Customer customer, List<CustomerEvent> events);

  /**
   * Stores a change made from the customer at {@link Customer#version()} and appends the events
   * that record it, atomically, and returns the customer at its new version.
   *
   * @throws com.customerservice.domain.error.ConflictException {@code concurrent_modification} when
   *     the stored version moved on since the customer was read (nothing is stored)
   */
  Customer update(Customer changed, List<CustomerEvent> events);

  /** {@link #insert(Customer, List)} with no event. */
  default void insert(Customer customer) {
    insert(customer, List.of());
  }

  /** {@link #update(Customer, List)} with no event. */
  default Customer update(Customer changed) {
    return update(changed, List.of());
  }

  /** The active customer with this id. */
  Optional<Customer> findActive(CustomerId id);

  /**
   * Whether a customer with this id was ever stored, closed ones included (for the audit trail).
   */
  boolean exists(CustomerId id);

  /** The active customer holding this phone. */
  Optional<Customer> findActiveByPhone(PhoneNumber phone);

  /** One page of active customers matching the query, newest first. */
  CustomerPage page(CustomerQuery query);
}
