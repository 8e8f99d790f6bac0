package com.customerservice.domain.webhook;

import com.customerservice.domain.error.InvalidValueException;
import com.customerservice.domain.event.EventType;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The event types an endpoint receives: some, or every type ({@code "*"}, types added later too).
 */
public record EnabledEvents(boolean all, Set<EventType> types) {
  public static final String FIELD = "enabled_events";
  public static final String ALL = "*";

  public EnabledEvents {
    types = all ? Set.of() : Set.copyOf(types);
    if (!all && types.isEmpty()) {
      throw InvalidValueException.invalid(FIELD, "enabled_events must name at least one type");
    }
  }

  /** From the codes a client sent: {@code ["*"]}, or event type names. */
  public static EnabledEvents parse(Collection<String> codes) {
    if (codes == null || codes.isEmpty()) {
      throw InvalidValueException.invalid(
          FIELD, "enabled_events must be [\"*\"] or a list of event types");
    }
    if (codes.contains(ALL)) {
      if (codes.size() != 1) {
        throw InvalidValueException.invalid(FIELD, "\"*\" stands alone in enabled_events");
      }
      return new EnabledEvents(true, Set.of());
    }
    Set<EventType> types = EnumSet.noneOf(EventType.class);
    for (String code : codes) {
      types.add(EventType.parse(code, FIELD));
    }
    return new EnabledEvents(false, types);
  }

  public boolean includes(EventType type) {
    return all || types.contains(type);
  }

  /** As clients send and see them, in a stable order. */
  public List<String> codes() {
    return all ? List.of(ALL) : types.stream().sorted().map(EventType::code).toList();
  }
}
