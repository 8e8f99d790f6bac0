package com.customerservice.application.port.in;

import com.customerservice.domain.customer.Customer;

/**
 * Starts identity verification again for a customer (a back-office decision): KYC becomes
 * unverified, failed selfies are forgotten and the verified identity may change again.
 */
public interface ReopenKycUseCase {

  /** The customer named by the id as the client sent it; any id that names none is a 404. */
  Customer reopen(String customerId);
}
