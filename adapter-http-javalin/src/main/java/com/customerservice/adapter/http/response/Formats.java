package com.customerservice.adapter.http.response;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** How times and dates look on the wire: UTC, ISO-8601, whole seconds, as the spec's examples. */
final class Formats {
  private Formats() {}

  static String timestamp(Instant instant) {
    return instant == null
        ? null
        : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  /** A birth date as the customer resource shows it: midnight UTC of that day. */
  static String dateAsTimestamp(LocalDate date) {
    return date == null ? null : timestamp(date.atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  static String date(LocalDate date) {
    return date == null ? null : date.toString();
  }
}
