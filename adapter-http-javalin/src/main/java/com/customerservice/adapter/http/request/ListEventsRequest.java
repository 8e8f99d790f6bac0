package com.customerservice.adapter.http.request;

import com.customerservice.application.port.in.ListEventsUseCase;
import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.error.InvalidValueException;
import com.customerservice.domain.event.EventFilter;
import com.customerservice.domain.event.EventType;
import io.javalin.http.Context;

/** The query of {@code GET /v1/events} and {@code GET /v1/customers/{id}/events}. */
public final class ListEventsRequest {
  private ListEventsRequest() {}

  public static ListEventsUseCase.Query from(Context ctx) {
    String type = ctx.queryParam("type");
    String customer = ctx.queryParam("customer_id");
    return new ListEventsUseCase.Query(
        Paging.pageSize(ctx),
        Paging.pageToken(ctx),
        new EventFilter(
            type == null ? null : EventType.parse(type, EventType.FIELD),
            customer == null
                ? null
                : CustomerId.KIND
                    .parse(customer)
                    .orElseThrow(
                        () ->
                            InvalidValueException.invalid(
                                "customer_id", "customer_id must be a customer id (cus_…)")),
            Paging.instant(ctx, "created_after"),
            Paging.instant(ctx, "created_before")));
  }
}
