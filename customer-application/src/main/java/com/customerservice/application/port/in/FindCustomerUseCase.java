package com.customerservice.application.port.in;

import com.customerservice.domain.customer.Customer;
import java.util.Optional;

/** The back office looks an active customer up by what a caller can tell it: an id or a phone. */
public interface FindCustomerUseCase {

  /**
   * The active customer named by {@code idOrPhone}: a customer id ({@code cus_…}) or a phone number
   * in international form (spaces, dashes and a missing {@code +} forgiven); empty when none.
   *
   * @throws com.customerservice.domain.error.InvalidValueException when it is neither
   */
  Optional<Customer> find(String idOrPhone);
}
