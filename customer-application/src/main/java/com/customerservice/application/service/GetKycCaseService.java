package com.customerservice.application.service;

import com.customerservice.application.port.in.GetKycCaseUseCase;
import com.customerservice.domain.customer.Customer;
import com.customerservice.domain.port.CustomerRepository;
import com.customerservice.domain.port.KycCheckRepository;
import com.customerservice.domain.port.KycRecordRepository;
import com.customerservice.domain.port.KycReviewRepository;

/** Reads a customer's KYC case from the stores that keep its parts. */
public final class GetKycCaseService implements GetKycCaseUseCase {
  private final CustomerRepository customers;
  private final KycRecordRepository records;
  private final KycCheckRepository checks;
  private final KycReviewRepository reviews;

  public GetKycCaseService(
      CustomerRepository customers,
      KycRecordRepository records,
      KycCheckRepository checks,
      KycReviewRepository reviews) {
    this.customers = customers;
    this.records = records;
    this.checks = checks;
    this.reviews = reviews;
  }

  @Override
  public KycCaseView get(String customerId) {
    Customer customer = CustomerLookup.requireActive(customers, customerId);
    return new KycCaseView(
        customer,
        records.latestDocument(customer.id()),
        checks.ofCustomer(customer.id(), MAX_CHECKS),
        reviews.findOpen(customer.id()));
  }
}
