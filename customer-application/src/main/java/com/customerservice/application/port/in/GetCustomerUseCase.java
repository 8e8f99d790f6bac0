package com.customerservice.application.port.in;

import com.customerservice.domain.customer.Customer;

/** Reads one active customer. */
public interface GetCustomerUseCase {

  /** The customer named by the id as the client sent it; any id that names none is a 404. */
  Customer get(String customerId);
}
