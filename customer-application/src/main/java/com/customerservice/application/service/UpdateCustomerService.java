package com.customerservice.application.service;

import com.customerservice.application.port.in.UpdateCustomerUseCase;
import com.customerservice.domain.customer.Customer;
import com.customerservice.domain.port.CustomerRepository;
import com.customerservice.domain.shared.Timestamps;
import java.time.Clock;

/**
 * Applies a partial update. Two updates racing from the same version do not both win: the second is
 * a conflict for its client to resolve. The write is one versioned statement, which is its own
 * transaction: it needs no unit of work around it.
 */
public final class UpdateCustomerService implements UpdateCustomerUseCase {
  private final CustomerRepository customers;
  private final Clock clock;

  public UpdateCustomerService(CustomerRepository customers, Clock clock) {
    this.customers = customers;
    this.clock = clock;
  }

  @Override
  public Customer update(Command command) {
    Customer current = CustomerLookup.requireActive(customers, command.customerId());
    Customer changed = current.update(command.changes(), Timestamps.now(clock));
    return changed == current ? current : customers.update(changed);
  }
}
