package com.customerservice.application.service;

import com.customerservice.application.port.in.GetReceiverUseCase;
import com.customerservice.domain.customer.Customer;
import com.customerservice.domain.customer.PhoneNumber;
import com.customerservice.domain.error.NotFoundException;
import com.customerservice.domain.port.CustomerRepository;

/** Finds who a transfer to a phone number would reach. */
public final class GetReceiverService implements GetReceiverUseCase {
  private final CustomerRepository customers;

  public GetReceiverService(CustomerRepository customers) {
    this.customers = customers;
  }

  @Override
  public Customer find(String phoneNumber) {
    return PhoneNumber.parse(phoneNumber)
        .flatMap(customers::findActiveByPhone)
        .orElseThrow(
            () -> new NotFoundException("phone_number", "No customer holds that phone number"));
  }
}
