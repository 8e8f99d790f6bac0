package com.customerservice.adapter.http.request;

import com.customerservice.adapter.http.error.ApiException;
import com.customerservice.application.port.in.ListCustomersUseCase;
import com.customerservice.domain.customer.CustomerFilter;
import com.customerservice.domain.customer.CustomerQuery;
import com.customerservice.domain.customer.CustomerStatus;
import com.customerservice.domain.customer.KycStatus;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/** The query of {@code GET /v1/customers}: page size, page token and the optional filters. */
public final class ListCustomersRequest {
  private static final Pattern INTEGER = Pattern.compile("[0-9]{1,9}");

  private ListCustomersRequest() {}

  public static ListCustomersUseCase.Query from(Context ctx) {
    String size = ctx.queryParam("page_size");
    int pageSize = CustomerQuery.DEFAULT_LIMIT;
    if (size != null) {
      if (!INTEGER.matcher(size).matches()) {
        throw ApiException.badRequest(
            "parameter_invalid", "page_size must be an integer between 1 and 100", "page_size");
      }
      pageSize = Integer.parseInt(size);
    }
    String status = ctx.queryParam("status");
    String kyc = ctx.queryParam("kyc_status");
    return new ListCustomersUseCase.Query(
        pageSize,
        Optional.ofNullable(ctx.queryParam("page_token")),
        new CustomerFilter(
            status == null ? null : CustomerStatus.fromCode(status),
            kyc == null ? null : KycStatus.fromCode(kyc),
            instant(ctx, "created_after"),
            instant(ctx, "created_before")));
  }

  private static Instant instant(Context ctx, String name) {
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
