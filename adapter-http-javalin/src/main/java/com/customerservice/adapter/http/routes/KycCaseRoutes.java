package com.customerservice.adapter.http.routes;

import com.customerservice.adapter.http.auth.Scope;
import com.customerservice.adapter.http.json.Json;
import com.customerservice.adapter.http.response.CustomerResponse;
import com.customerservice.adapter.http.response.KycResponses;
import com.customerservice.application.port.in.GetKycCaseUseCase;
import com.customerservice.application.port.in.ReopenKycUseCase;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** A customer's KYC case for the back office: reading it whole, and reopening it. */
public final class KycCaseRoutes {
  private final GetKycCaseUseCase kycCase;
  private final ReopenKycUseCase reopenKyc;

  public KycCaseRoutes(GetKycCaseUseCase kycCase, ReopenKycUseCase reopenKyc) {
    this.kycCase = kycCase;
    this.reopenKyc = reopenKyc;
  }

  public void register(RoutesConfig routes) {
    routes.get("/v1/customers/{id}/kyc", this::read, Scope.BACK_OFFICE);
    routes.post("/v1/customers/{id}/kyc/reopen", this::reopen, Scope.BACK_OFFICE);
  }

  private void read(Context ctx) {
    Json.write(ctx, 200, KycResponses.Case.of(kycCase.get(ctx.pathParam("id"))));
  }

  private void reopen(Context ctx) {
    Json.write(ctx, 200, CustomerResponse.Envelope.of(reopenKyc.reopen(ctx.pathParam("id"))));
  }
}
