package com.customerservice.adapter.http.response;

import com.customerservice.domain.customer.Customer;
import com.customerservice.domain.customer.CustomerProfile;
import com.customerservice.domain.customer.GovernmentIds;
import com.customerservice.domain.customer.SensitiveId;

/**
 * A customer as the spec's GET example shows it, plus {@code business_name}. Every field is present
 * ({@code null} when unset); government ids only say whether they are set.
 */
public record CustomerResponse(
    String customerId,
    String firstName,
    String lastName,
    String email,
    String phone,
    AddressResponse address,
    String nationality,
    String sex,
    String dateOfBirth,
    String customerSegment,
    String kycStatus,
    String status,
    String nationalityId,
    String taxId,
    String nuib,
    FileResponse profilePicture,
    String qrcodeId,
    String businessName,
    String createdAt,
    String updatedAt) {

  public static final String MASK = "***encrypted***";

  public static CustomerResponse from(Customer c) {
    CustomerProfile p = c.profile();
    GovernmentIds ids = c.governmentIds();
    return new CustomerResponse(
        c.id().value(),
        text(p.firstName()),
        text(p.lastName()),
        p.email() == null ? null : p.email().value(),
        c.phone().e164(),
        AddressResponse.from(p.address()),
        text(p.nationality()),
        p.sex() == null ? null : p.sex().code(),
        Formats.dateAsTimestamp(p.dateOfBirth()),
        p.segment().code(),
        c.kycStatus().code(),
        c.status().code(),
        masked(ids.nationalityId()),
        masked(ids.taxId()),
        masked(ids.nuib()),
        FileResponse.from(c.profilePicture()),
        text(p.qrcodeId()),
        text(p.businessName()),
        Formats.timestamp(c.createdAt()),
        Formats.timestamp(c.updatedAt()));
  }

  /** A value object's text, or null when the field is unset. */
  static String text(Object value) {
    return value == null ? null : value.toString();
  }

  /** Whether it is set, never what it is: nothing is decrypted to answer. */
  private static String masked(SensitiveId id) {
    return id == null ? null : MASK;
  }

  /** {@code {"object":"customer","customer":{…}}}. */
  public record Envelope(String object, CustomerResponse customer) {
    public static Envelope of(Customer customer) {
      return new Envelope("customer", CustomerResponse.from(customer));
    }
  }
}
