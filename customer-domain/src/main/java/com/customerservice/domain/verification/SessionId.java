package com.customerservice.domain.verification;

import com.customerservice.domain.shared.RandomIds;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** A phone verification session's id: {@code pvs_} plus 24 random letters and digits. */
public record SessionId(String value) {
  public static final String PREFIX = "pvs_";

  public SessionId {
    RandomIds.require(PREFIX, value, "session_id");
  }

  public static SessionId newId(RandomGenerator random) {
    return new SessionId(RandomIds.next(PREFIX, random));
  }

  public static Optional<SessionId> parse(String raw) {
    return RandomIds.isValid(PREFIX, raw) ? Optional.of(new SessionId(raw)) : Optional.empty();
  }

  @Override
  public String toString() {
    return value;
  }
}
