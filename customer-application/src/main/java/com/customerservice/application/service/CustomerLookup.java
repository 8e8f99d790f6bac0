package com.customerservice.application.service;

import com.customerservice.domain.customer.Customer;
import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.error.NotFoundException;
import com.customerservice.domain.port.CustomerRepository;

/** Finds the active customer an id from outside names, or answers 404 whatever the id's shape. */
final class CustomerLookup {
  private CustomerLookup() {}

  static Customer requireActive(CustomerRepository customers, String rawId) {
    return CustomerId.KIND
        .parse(rawId)
        .flatMap(customers::findActive)
        .orElseThrow(() -> missing(rawId));
  }

  static Customer requireActive(CustomerRepository customers, CustomerId id) {
    return customers.findActive(id).orElseThrow(() -> missing(id.value()));
  }

  private static NotFoundException missing(String rawId) {
    // Echo the id only when it has our shape: an arbitrary string is not worth reflecting back.
    String shown = CustomerId.KIND.parse(rawId).map(CustomerId::value).orElse("that id");
    return new NotFoundException("id", "No such customer: " + shown);
  }
}
