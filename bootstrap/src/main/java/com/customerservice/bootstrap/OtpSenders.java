package com.customerservice.bootstrap;

import com.customerservice.domain.customer.PhoneNumber;
import com.customerservice.domain.port.OtpSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The OTP senders that need no gateway: both exist for sandbox mode only. */
final class OtpSenders {
  private static final Logger LOG = LoggerFactory.getLogger(OtpSenders.class);

  private OtpSenders() {}

  /** Sends nothing: in sandbox mode the code is in the initiate response. */
  static OtpSender sandbox() {
    return (phone, code) -> LOG.debug("sandbox: code for {} returned in the response", phone);
  }

  /**
   * Writes the code to the log, for developers without an SMS gateway. Configuration refuses it
   * outside sandbox mode, so a code never reaches a production log.
   */
  static OtpSender log() {
    return (PhoneNumber phone, com.customerservice.domain.verification.OtpCode code) ->
        LOG.info("sandbox OTP for {}: {}", phone, code.digits());
  }
}
