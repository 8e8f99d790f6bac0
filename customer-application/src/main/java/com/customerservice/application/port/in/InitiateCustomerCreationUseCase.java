package com.customerservice.application.port.in;

import com.customerservice.domain.customer.PhoneNumber;
import com.customerservice.domain.verification.OtpCode;
import com.customerservice.domain.verification.SessionId;
import java.util.Objects;
import java.util.Optional;

/** Sends a one-time code to a phone that does not belong to a customer yet. */
public interface InitiateCustomerCreationUseCase {

  Started initiate(Command command);

  /** The phone to verify. */
  record Command(PhoneNumber phone) {
    public Command {
      Objects.requireNonNull(phone, "phone");
    }
  }

  /**
   * The session to verify against; the code itself only where the service discloses codes
   * (sandbox).
   */
  record Started(SessionId sessionId, Optional<OtpCode> disclosedCode) {
    public Started {
      Objects.requireNonNull(sessionId, "sessionId");
      Objects.requireNonNull(disclosedCode, "disclosedCode");
    }
  }
}
