package com.customerservice.application.port.in;

import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.error.InvalidValueException;
import com.customerservice.domain.verification.OtpCode;
import java.util.Objects;

/** Checks a one-time code and creates the customer whose phone it proves. */
public interface VerifyPhoneUseCase {

  Verified verify(Command command);

  /**
   * The session id as the client sent it (a session that does not exist is a 404, whatever its
   * shape) and the code.
   */
  record Command(String sessionId, OtpCode code) {
    public Command {
      if (sessionId == null || sessionId.isBlank()) {
        throw InvalidValueException.missing("session_id");
      }
      Objects.requireNonNull(code, "code");
    }
  }

  /** The customer the session created; {@code created} is false for a replay. */
  record Verified(CustomerId customerId, boolean created) {}
}
