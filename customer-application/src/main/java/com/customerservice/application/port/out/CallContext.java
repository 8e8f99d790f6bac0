package com.customerservice.application.port.out;

import com.customerservice.domain.event.Actor;
import java.util.Optional;

/**
 * Who is making the current call, and under which request id: set by the adapter that received the
 * call (an HTTP request, a scheduled job), read by the use cases for per-caller limits and the
 * audit trail. A seam rather than a field of every command.
 */
public interface CallContext {

  /** The caller; {@link Actor#anonymous()} when nobody said. */
  Actor actor();

  /** The id of the request this call serves, when it serves one. */
  Optional<String> requestId();
}
