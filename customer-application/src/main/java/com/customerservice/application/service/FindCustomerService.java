package com.customerservice.application.service;

import com.customerservice.application.port.in.FindCustomerUseCase;
import com.customerservice.domain.customer.Customer;
import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.customer.PhoneNumber;
import com.customerservice.domain.error.InvalidValueException;
import com.customerservice.domain.port.CustomerRepository;
import java.util.Optional;
import java.util.regex.Pattern;

/** Finds an active customer by id or phone number, for the back office's search. */
public final class FindCustomerService implements FindCustomerUseCase {
  static final String FIELD = "query";
  private static final Pattern SEPARATORS = Pattern.compile("[\\s().-]");

  private final CustomerRepository customers;

  public FindCustomerService(CustomerRepository customers) {
    this.customers = customers;
  }

  @Override
  public Optional<Customer> find(String idOrPhone) {
    String query = idOrPhone == null ? "" : idOrPhone.strip();
    if (query.startsWith(CustomerId.KIND.prefix())) {
      return CustomerId.KIND.parse(query).flatMap(customers::findActive);
    }
    String digits = SEPARATORS.matcher(query).replaceAll("");
    if (digits.startsWith("00")) {
      digits = "+" + digits.substring(2);
    } else if (!digits.startsWith("+")) {
      digits = "+" + digits;
    }
    return PhoneNumber.parse(digits)
        .map(customers::findActiveByPhone)
        .orElseThrow(
            () ->
                InvalidValueException.invalid(
                    FIELD,
                    "Enter a customer id (cus_…) or a phone number in international form"
                        + " (+258 84 123 4567)"));
  }
}
