package com.customerservice.adapter.http.console;

import com.customerservice.domain.error.DomainException;
import com.customerservice.domain.kyc.Refusal;
import com.customerservice.domain.kyc.ReviewDecision;

/**
 * The domain's refusals in a reviewer's words where the API's words name a field of its JSON; any
 * other refusal reads as the API says it.
 */
final class Messages {
  private Messages() {}

  static String of(DomainException e) {
    String param = e.param().orElse("");
    if (param.equals(Refusal.FIELD) && e.code().equals("parameter_missing")) {
      return "Choose a reason for the rejection.";
    }
    if (param.equals(Refusal.FIELD)) {
      return "A reason is given only with a rejection: choose no reason to approve.";
    }
    if (param.equals(ReviewDecision.NOTE_FIELD) && e.code().equals("parameter_missing")) {
      return "Write a note: a rejection for another reason needs one.";
    }
    return switch (e.code()) {
      case "review_already_decided" -> "This review has already been decided.";
      case "resource_missing" -> e.getMessage() + ".";
      default -> e.getMessage();
    };
  }
}
