package com.customerservice.domain.customer;

import com.customerservice.domain.error.InvalidValueException;
import java.time.Instant;

/** Optional conditions on a customer list; a null field does not filter. */
public record CustomerFilter(
    CustomerStatus status, KycStatus kycStatus, Instant createdAfter, Instant createdBefore) {

  public CustomerFilter {
    if (status == CustomerStatus.CLOSED) {
      throw InvalidValueException.invalid(
          CustomerStatus.FIELD, "closed customers are never listed; status may only be active");
    }
    if (createdAfter != null && createdBefore != null && !createdAfter.isBefore(createdBefore)) {
      throw InvalidValueException.invalid(
          "created_after", "created_after must be before created_before");
    }
  }

  public static CustomerFilter none() {
    return new CustomerFilter(null, null, null, null);
  }

  /** The list and these filters, as a page token is bound to them. */
  public String scope() {
    return "customers|status="
        + (status == null ? "" : status.code())
        + "|kyc_status="
        + (kycStatus == null ? "" : kycStatus.code())
        + "|after="
        + (createdAfter == null ? "" : createdAfter)
        + "|before="
        + (createdBefore == null ? "" : createdBefore);
  }

  /** Whether {@code customer} passes; creation bounds are exclusive. */
  public boolean matches(Customer customer) {
    return (status == null || customer.status() == status)
        && (kycStatus == null || customer.kycStatus() == kycStatus)
        && (createdAfter == null || customer.createdAt().isAfter(createdAfter))
        && (createdBefore == null || customer.createdAt().isBefore(createdBefore));
  }
}
