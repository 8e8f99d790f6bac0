package com.customerservice.domain.idempotency;

import java.util.Objects;

/** What the store says when a request with a key arrives. */
public sealed interface Claim {

  /** The request is this caller's to run; {@code token} proves it when the answer is stored. */
  record Granted(String token) implements Claim {
    public Granted {
      Objects.requireNonNull(token, "token");
    }
  }

  /** The same request is running elsewhere (or its runner died and its claim has not expired). */
  record InProgress() implements Claim {}

  /** The key was used for another request (method, path or body). */
  record Reused() implements Claim {}

  /** The request ran; here is its answer. */
  record Answered(KeptAnswer answer) implements Claim {
    public Answered {
      Objects.requireNonNull(answer, "answer");
    }
  }
}
