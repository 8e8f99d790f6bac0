package com.customerservice.domain.port;

import com.customerservice.domain.customer.PhoneNumber;
import com.customerservice.domain.verification.OtpCode;

/** Delivers a one-time code to a phone (an SMS gateway, or nothing at all in a sandbox). */
public interface OtpSender {

  /**
   * Sends the code, or throws when it could not be handed over for delivery; implementations never
   * log the code outside a sandbox.
   */
  void send(PhoneNumber phone, OtpCode code);
}
