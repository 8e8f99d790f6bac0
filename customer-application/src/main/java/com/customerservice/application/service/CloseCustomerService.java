package com.customerservice.application.service;

import com.customerservice.application.port.in.CloseCustomerUseCase;
import com.customerservice.domain.customer.Customer;
import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.port.CustomerRepository;
import com.customerservice.domain.port.UnitOfWork;
import com.customerservice.domain.shared.Timestamps;
import java.time.Clock;

/** Closes an account; the row stays for compliance but no read finds it again. */
public final class CloseCustomerService implements CloseCustomerUseCase {
  private final CustomerRepository customers;
  private final UnitOfWork unitOfWork;
  private final Clock clock;

  public CloseCustomerService(CustomerRepository customers, UnitOfWork unitOfWork, Clock clock) {
    this.customers = customers;
    this.unitOfWork = unitOfWork;
    this.clock = clock;
  }

  @Override
  public CustomerId close(String customerId) {
    return unitOfWork.inTransaction(
        () -> {
          Customer current = CustomerLookup.requireActive(customers, customerId);
          customers.update(current.close(Timestamps.now(clock)));
          return current.id();
        });
  }
}
