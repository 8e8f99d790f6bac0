package com.customerservice.domain.port;

import com.customerservice.domain.customer.Customer;
import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.customer.CustomerPage;
import com.customerservice.domain.customer.CustomerQuery;
import com.customerservice.domain.customer.PhoneNumber;
import java.util.Optional;

/**
 * Where customers are kept. Closed customers stay stored but no read returns them, and at most one
 * active customer holds a phone number.
 */
public interface CustomerRepository {

  /**
   * Stores a new customer.
   *
   * @throws com.customerservice.domain.error.ConflictException {@code phone_number_taken} when an
   *     active customer already holds the phone
   */
  void insert(Customer customer);

  /**
   * Stores a change made from the customer at {@link Customer#version()} and returns it at its new
   * version.
   *
   * @throws com.customerservice.domain.error.ConflictException {@code concurrent_modification} when
   *     the stored version moved on since the customer was read
   */
  Customer update(Customer changed);

  /** The active customer with this id. */
  Optional<Customer> findActive(CustomerId id);

  /** The active customer holding this phone. */
  Optional<Customer> findActiveByPhone(PhoneNumber phone);

  /** One page of active customers matching the query, newest first. */
  CustomerPage page(CustomerQuery query);
}
