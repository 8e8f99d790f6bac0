package com.customerservice.domain.verification;

import com.customerservice.domain.shared.IdKind;

/**
 * A phone verification session's id: {@code pvs_} plus 24 random letters and digits. Made and
 * parsed through {@link #KIND}.
 */
public record SessionId(String value) {
  public static final IdKind<SessionId> KIND = new IdKind<>("pvs_", "session_id", SessionId::new);

  public SessionId {
    KIND.require(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
