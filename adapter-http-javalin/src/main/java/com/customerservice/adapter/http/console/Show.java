package com.customerservice.adapter.http.console;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How the console shows values to a person: times in UTC to the minute, waits in hours and minutes,
 * and a dash for what is not set. Templates call these; nothing here decides business.
 */
public final class Show {
  /** What an unset value reads as. */
  public static final String NONE = "—";

  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  private Show() {}

  /** The text, or a dash when unset. */
  public static String text(Object value) {
    return value == null || value.toString().isBlank() ? NONE : value.toString();
  }

  /** An ISO-8601 timestamp as {@code 2026-03-01 08:00}, or a dash. */
  public static String minute(String isoInstant) {
    return isoInstant == null ? NONE : MINUTE.format(Instant.parse(isoInstant));
  }

  static String minute(Instant instant) {
    return MINUTE.format(instant);
  }

  /** How long something has waited: {@code 12 min}, {@code 3 h 12 min}, {@code 2 d 4 h}. */
  public static String waited(Duration waited) {
    long minutes = Math.max(0, waited.toMinutes());
    if (minutes < 1) {
      return "under a minute";
    }
    long days = minutes / (24 * 60);
    long hours = (minutes / 60) % 24;
    long rest = minutes % 60;
    if (days > 0) {
      return days + " d " + hours + " h";
    }
    return hours > 0 ? hours + " h " + rest + " min" : rest + " min";
  }

  /** A person's name from its parts, either of which may be unset; empty when both are. */
  public static String name(String first, String last) {
    return ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
  }

  /** A code as words: {@code document_tampered} → {@code document tampered}. */
  public static String words(String code) {
    return code == null ? NONE : code.replace('_', ' ');
  }

  /** An event's data as one line: {@code changed_fields: first_name, last_name}. */
  public static String data(Map<String, Object> data) {
    return data.entrySet().stream()
        .map(e -> e.getKey() + ": " + value(e.getValue()))
        .collect(Collectors.joining(" · "));
  }

  private static String value(Object value) {
    if (value instanceof List<?> list) {
      return list.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
    return String.valueOf(value);
  }
}
