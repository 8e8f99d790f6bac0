package com.customerservice.application.service;

import com.customerservice.application.port.in.ReopenKycUseCase;
import com.customerservice.domain.customer.Customer;
import com.customerservice.domain.port.CustomerRepository;
import com.customerservice.domain.shared.Timestamps;
import java.time.Clock;

/** Reopens KYC: one versioned write, so a concurrent change is a conflict rather than lost. */
public final class ReopenKycService implements ReopenKycUseCase {
  private final CustomerRepository customers;
  private final Clock clock;

  public ReopenKycService(CustomerRepository customers, Clock clock) {
    this.customers = customers;
    this.clock = clock;
  }

  @Override
  public Customer reopen(String customerId) {
    Customer current = CustomerLookup.requireActive(customers, customerId);
    return customers.update(current.reopenKyc(Timestamps.now(clock)));
  }
}
