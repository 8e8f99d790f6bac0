package com.customerservice.domain.event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What an event says beyond its type: a few named values (text, whole numbers, lists of names),
 * never a sensitive one. The allowed shapes are closed so that any store or wire format can carry
 * them, and so that nothing large or secret slips in by accident.
 */
public final class EventData {
  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,39}");
  // The longest text an event carries is a reviewer's note on a KYC decision.
  private static final int MAX_TEXT = 1000;
  private static final EventData EMPTY = new EventData(Map.of());

  private final Map<String, Object> values;

  private EventData(Map<String, Object> values) {
    this.values = values;
  }

  public static EventData empty() {
    return EMPTY;
  }

  public EventData with(String key, String value) {
    Objects.requireNonNull(value, key);
    if (value.length() > MAX_TEXT) {
      throw new IllegalArgumentException(key + " is longer than " + MAX_TEXT + " characters");
    }
    return put(key, value);
  }

  public EventData with(String key, long value) {
    return put(key, value);
  }

  public EventData with(String key, List<String> names) {
    List<String> copy = List.copyOf(names);
    copy.forEach(name -> with(key, name)); // each name obeys the text rule
    return put(key, copy);
  }

  /**
   * The values by key, in the order they were added: {@link String}, {@link Long} or a {@link List}
   * of {@link String}.
   */
  public Map<String, Object> values() {
    return values;
  }

  /** Data read back from a store: checked against the same shapes. */
  public static EventData restore(Map<String, ?> stored) {
    EventData data = EMPTY;
    for (Map.Entry<String, ?> entry : stored.entrySet()) {
      Object value = entry.getValue();
      if (value instanceof String text) {
        data = data.with(entry.getKey(), text);
      } else if (value instanceof Number number) {
        data = data.with(entry.getKey(), number.longValue());
      } else if (value instanceof List<?> list) {
        data = data.with(entry.getKey(), list.stream().map(String.class::cast).toList());
      } else {
        throw new IllegalArgumentException("unsupported event value for " + entry.getKey());
      }
    }
    return data;
  }

  private EventData put(String key, Object value) {
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("an event data key is snake_case: " + key);
    }
    Map<String, Object> next = new LinkedHashMap<>(values);
    next.put(key, value);
    return new EventData(Collections.unmodifiableMap(next));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EventData data && values.equals(data.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
