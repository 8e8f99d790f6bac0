package com.customerservice.application.service;

import com.customerservice.application.port.in.GetCustomerUseCase;
import com.customerservice.domain.customer.Customer;
import com.customerservice.domain.port.CustomerRepository;

/** Reads one active customer. */
public final class GetCustomerService implements GetCustomerUseCase {
  private final CustomerRepository customers;

  public GetCustomerService(CustomerRepository customers) {
    this.customers = customers;
  }

  @Override
  public Customer get(String customerId) {
    return CustomerLookup.requireActive(customers, customerId);
  }
}
