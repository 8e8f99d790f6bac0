package com.customerservice.adapter.http.request;

import com.customerservice.adapter.http.json.JsonBody;
import com.customerservice.application.port.in.ReviewKycCasesUseCase;
import com.customerservice.domain.kyc.Refusal;
import com.customerservice.domain.kyc.ReviewDecision;
import java.util.Set;

/**
 * The body of {@code POST /v1/kyc/reviews/{id}/decision}: {@code decision}, {@code reason_code},
 * {@code note}. Which combinations are valid is the domain's rule.
 */
public final class ReviewDecisionRequest {
  public static final Set<String> FIELDS =
      Set.of(ReviewDecision.DECISION_FIELD, Refusal.FIELD, ReviewDecision.NOTE_FIELD);

  private ReviewDecisionRequest() {}

  public static ReviewKycCasesUseCase.Decision toCommand(JsonBody body) {
    return new ReviewKycCasesUseCase.Decision(
        body.requiredString(ReviewDecision.DECISION_FIELD),
        body.optionalString(Refusal.FIELD),
        body.optionalString(ReviewDecision.NOTE_FIELD));
  }
}
