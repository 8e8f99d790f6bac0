package com.customerservice.adapter.http.routes;

import com.customerservice.adapter.http.auth.Scope;
import com.customerservice.adapter.http.json.Json;
import com.customerservice.adapter.http.json.JsonBody;
import com.customerservice.adapter.http.response.Responses;
import com.customerservice.application.port.in.InitiateCustomerCreationUseCase;
import com.customerservice.application.port.in.VerifyPhoneUseCase;
import com.customerservice.domain.customer.PhoneNumber;
import com.customerservice.domain.verification.OtpCode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Set;

/**
 * Phone verification and account creation: {@code POST /v1/customers/initiate}, {@code POST
 * /v1/customers}.
 */
public final class OnboardingRoutes {
  private final InitiateCustomerCreationUseCase initiate;
  private final VerifyPhoneUseCase verify;

  public OnboardingRoutes(InitiateCustomerCreationUseCase initiate, VerifyPhoneUseCase verify) {
    this.initiate = initiate;
    this.verify = verify;
  }

  public void register(RoutesConfig routes) {
    routes.post("/v1/customers/initiate", this::initiate, Scope.CUSTOMERS);
    routes.post("/v1/customers", this::verify, Scope.CUSTOMERS);
  }

  private void initiate(Context ctx) {
    JsonBody body = JsonBody.read(ctx, Set.of("phone_number"));
    var started =
        initiate.initiate(
            new InitiateCustomerCreationUseCase.Command(
                new PhoneNumber(body.requiredString("phone_number"))));
    Json.write(ctx, 201, Responses.SessionStarted.of(started.sessionId(), started.disclosedCode()));
  }

  private void verify(Context ctx) {
    JsonBody body = JsonBody.read(ctx, Set.of("session_id", "verification_code"));
    String session = body.requiredString("session_id");
    OtpCode code = new OtpCode(body.requiredString("verification_code"));
    var verified = verify.verify(new VerifyPhoneUseCase.Command(session, code));
    ctx.header("Location", "/v1/customers/" + verified.customerId().value());
    Json.write(ctx, 201, Responses.Verification.of(verified.customerId()));
  }
}
