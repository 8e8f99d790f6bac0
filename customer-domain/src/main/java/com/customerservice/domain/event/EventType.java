package com.customerservice.domain.event;

import com.customerservice.domain.shared.Coded;

/** What can happen to a customer, by the type name events and webhooks carry. */
public enum EventType implements Coded {
  CUSTOMER_CREATED("customer.created"),
  CUSTOMER_UPDATED("customer.updated"),
  CUSTOMER_CLOSED("customer.closed"),
  PROFILE_PICTURE_CHANGED("customer.profile_picture.changed"),
  KYC_DOCUMENT_SUBMITTED("customer.kyc.document_submitted"),
  KYC_SELFIE_FAILED("customer.kyc.selfie_failed"),
  KYC_REVIEW_REQUIRED("customer.kyc.review_required"),
  KYC_VERIFIED("customer.kyc.verified"),
  KYC_REJECTED("customer.kyc.rejected"),
  KYC_REOPENED("customer.kyc.reopened");

  public static final String FIELD = "type";

  private final String code;

  EventType(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }

  /** The type named {@code code}, or a 400-style error listing the types. */
  public static EventType parse(String code, String field) {
    return Coded.parse(values(), code, field);
  }
}
