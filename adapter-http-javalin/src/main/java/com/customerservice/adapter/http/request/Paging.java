package com.customerservice.adapter.http.request;

import com.customerservice.adapter.http.error.ApiException;
import com.customerservice.domain.customer.CustomerQuery;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/** The query parameters every list shares: page size, page token, creation bounds. */
public final class Paging {
  private static final Pattern INTEGER = Pattern.compile("[0-9]{1,9}");

  private Paging() {}

  /** {@code page_size}, 50 when absent; the range is the use case's to check. */
  public static int pageSize(Context ctx) {
    String size = ctx.queryParam("page_size");
    if (size == null) {
      return CustomerQuery.DEFAULT_LIMIT;
    }
    if (!INTEGER.matcher(size).matches()) {
      throw ApiException.badRequest(
          "parameter_invalid",
          "page_size must be an integer between 1 and " + CustomerQuery.MAX_LIMIT,
          "page_size");
    }
    return Integer.parseInt(size);
  }

  public static Optional<String> pageToken(Context ctx) {
    return Optional.ofNullable(ctx.queryParam("page_token"));
  }

  /** A timestamp parameter ({@code created_after}, {@code created_before}), or null. */
  public static Instant instant(Context ctx, String name) {
    String raw = ctx.queryParam(name);
    if (raw == null) {
      return null;
    }
    try {
      return Instant.parse(raw);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(
          "parameter_invalid",
          name + " must be a timestamp such as 2025-01-01T00:00:00Z (or with an offset, +02:00)",
          name);
    }
  }
}
