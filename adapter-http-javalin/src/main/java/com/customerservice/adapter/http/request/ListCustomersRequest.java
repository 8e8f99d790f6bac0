package com.customerservice.adapter.http.request;

import com.customerservice.application.port.in.ListCustomersUseCase;
import com.customerservice.domain.customer.CustomerFilter;
import com.customerservice.domain.customer.CustomerStatus;
import com.customerservice.domain.customer.KycStatus;
import io.javalin.http.Context;

/** The query of {@code GET /v1/customers}: page size, page token and the optional filters. */
public final class ListCustomersRequest {
  private ListCustomersRequest() {}

  public static ListCustomersUseCase.Query from(Context ctx) {
    String status = ctx.queryParam("status");
    String kyc = ctx.queryParam("kyc_status");
    return new ListCustomersUseCase.Query(
        Paging.pageSize(ctx),
        Paging.pageToken(ctx),
        new CustomerFilter(
            status == null ? null : CustomerStatus.fromCode(status),
            kyc == null ? null : KycStatus.fromCode(kyc),
            Paging.instant(ctx, "created_after"),
            Paging.instant(ctx, "created_before")));
  }
}
