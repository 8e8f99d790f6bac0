package com.customerservice.application.context;

import com.customerservice.application.port.out.CallContext;
import com.customerservice.domain.event.Actor;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The call context of the thread that runs the call: an adapter that handles one call per thread
 * (an HTTP request, a scheduled job) {@linkplain #begin begins} it before calling a use case and
 * {@linkplain #end ends} it afterwards.
 */
public final class PerThreadCallContext implements CallContext {
  private record Call(Actor actor, String requestId) {}

  private final ThreadLocal<Call> current = new ThreadLocal<>();

  /** Makes {@code actor} the caller of this thread until {@link #end()}. */
  public void begin(Actor actor, String requestId) {
    current.set(new Call(Objects.requireNonNull(actor, "actor"), requestId));
  }

  public void end() {
    current.remove();
  }

  /** Runs {@code work} as {@code actor}, then restores the thread's previous call. */
  public <T> T callAs(Actor actor, String requestId, Supplier<T> work) {
    Call previous = current.get();
    begin(actor, requestId);
    try {
      return work.get();
    } finally {
      if (previous == null) {
        end();
      } else {
        current.set(previous);
      }
    }
  }

  @Override
  public Actor actor() {
    Call call = current.get();
    return call == null ? Actor.anonymous() : call.actor();
  }

  @Override
  public Optional<String> requestId() {
    Call call = current.get();
    return call == null ? Optional.empty() : Optional.ofNullable(call.requestId());
  }
}
