package com.customerservice.application.port.in;

import com.customerservice.domain.customer.Customer;
import com.customerservice.domain.customer.CustomerChanges;
import java.util.Objects;

/** Changes the fields of a customer that the command names, leaving the others as they are. */
public interface UpdateCustomerUseCase {

  Customer update(Command command);

  record Command(String customerId, CustomerChanges changes) {
    public Command {
      Objects.requireNonNull(changes, "changes");
    }
  }
}
