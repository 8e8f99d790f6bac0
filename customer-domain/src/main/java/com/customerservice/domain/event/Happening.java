package com.customerservice.domain.event;

import java.util.Objects;
import java.util.Optional;

/**
 * What an aggregate says happened in one of its changes: the type, its data and, when someone other
 * than the caller decided it (a KYC vendor's verdict), who. The application records it as a {@link
 * CustomerEvent}, in the same transaction as the change.
 */
public record Happening(EventType type, EventData data, Optional<Actor> decidedBy) {
  public Happening {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(decidedBy, "decidedBy");
  }

  public static Happening of(EventType type) {
    return new Happening(type, EventData.empty(), Optional.empty());
  }

  public static Happening of(EventType type, EventData data) {
    return new Happening(type, data, Optional.empty());
  }

  /** The same happening, decided by {@code actor} rather than by the caller. */
  public Happening decidedBy(Actor actor) {
    return new Happening(type, data, Optional.of(actor));
  }
}
