package com.customerservice.application.port.in;

import com.customerservice.domain.customer.CustomerId;

/** Closes an account: kept for compliance, hidden from every read, its phone free again. */
public interface CloseCustomerUseCase {

  CustomerId close(String customerId);
}
