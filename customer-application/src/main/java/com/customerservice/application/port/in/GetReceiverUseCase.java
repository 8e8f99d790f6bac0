package com.customerservice.application.port.in;

import com.customerservice.domain.customer.Customer;

/** Finds the active customer a transfer to a phone number would reach. */
public interface GetReceiverUseCase {

  /** The customer holding the phone as the client sent it; any phone that names none is a 404. */
  Customer find(String phoneNumber);
}
