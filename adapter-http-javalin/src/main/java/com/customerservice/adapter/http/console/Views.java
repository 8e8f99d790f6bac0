package com.customerservice.adapter.http.console;

import com.customerservice.adapter.http.response.CustomerResponse;
import com.customerservice.adapter.http.response.EventResponse;
import com.customerservice.adapter.http.response.KycResponses;
import com.customerservice.adapter.http.response.WebhookResponses;
import com.customerservice.domain.kyc.Refusal;
import java.util.List;
import java.util.Map;

/**
 * What the templates show, page by page: the API's own response records where a page shows what the
 * API shows (so masking and formats have one source), and a few records of what only a page needs.
 */
public final class Views {
  private Views() {}

  /** The sign-in form: an error, a notice, where to go afterwards, or why it cannot be used. */
  public record SignIn(String error, String notice, String next, boolean noKeys) {}

  /** One row of the queue (open) or of the recent decisions (decided). */
  public record QueueRow(
      String id,
      String customerId,
      String reason,
      String vendor,
      String createdAt,
      String waiting,
      String claimedBy,
      KycResponses.Decision decision) {}

  /** A page of the queue or of the decisions, and the link to the next page. */
  public record Queue(boolean open, List<QueueRow> rows, String nextPage) {}

  /** An image a reviewer judges, and its label. */
  public record Evidence(String label, String href) {}

  /** One field as the document reads it beside the profile's, and whether they differ. */
  public record Comparison(String field, String onDocument, String inProfile, boolean differs) {}

  /** One of the vendor's findings: a value, or a group of findings. */
  public record Finding(String key, String value, List<Finding> group) {}

  /** A reason a reviewer may give, with its words. */
  public record Reason(String code, String label, boolean selected) {
    static List<Reason> all(String selected) {
      return Refusal.reviewerReasons().stream()
          .map(r -> new Reason(r.code(), label(r), r.code().equals(selected)))
          .toList();
    }

    private static String label(Refusal reason) {
      return switch (reason) {
        case FACE_MISMATCH -> "Face does not match the document (counts one attempt)";
        case NOT_LIVE -> "Not a live person (counts one attempt)";
        case DOCUMENT_UNREADABLE -> "Document unreadable (counts one attempt)";
        case DOCUMENT_TAMPERED -> "Document tampered with (rejects the case)";
        case DATA_MISMATCH -> "Data does not match (rejects the case)";
        case OTHER -> "Other, explained in the note (rejects the case)";
        default -> Show.words(reason.code());
      };
    }
  }

  /**
   * The part of a review page that changes as it is claimed and decided: who holds it, the decision
   * when there is one, the controls while it is open, and what the last request came to.
   */
  public record DecisionPanel(
      String reviewId,
      String customerId,
      String status,
      String claimedBy,
      String claimedUntil,
      boolean claimedByMe,
      KycResponses.Decision decision,
      List<Reason> reasons,
      String note,
      String error,
      String notice) {
    public boolean open() {
      return status.equals("open");
    }
  }

  /** A review with its evidence. */
  public record Review(
      KycResponses.Review review,
      String customerName,
      String waiting,
      List<Evidence> images,
      List<Comparison> identity,
      List<Finding> findings,
      DecisionPanel panel) {}

  /** The customer search: what was asked, what came of it, and the newest customers. */
  public record CustomerSearch(
      String query, String error, String notice, List<CustomerResponse> newest) {}

  /** One entry of the audit trail. */
  public record TimelineEntry(EventResponse event, String by, String details) {}

  /** A customer: the profile masked as the API masks it, the KYC case, the audit trail. */
  public record Customer(
      CustomerResponse customer,
      KycResponses.Case kyc,
      List<TimelineEntry> timeline,
      String olderEvents) {
    public String name() {
      String name = Show.name(customer.firstName(), customer.lastName());
      return name.isEmpty() ? customer.customerId() : name;
    }
  }

  /** An endpoint and a page of its delivery log. */
  public record Webhook(
      WebhookResponses.Endpoint endpoint,
      List<WebhookResponses.Delivery> deliveries,
      String nextPage) {}

  /** What an error page says. */
  public record ErrorView(int status, String title, String message, String requestId) {}

  /** The names a template is rendered with. */
  static Map<String, Object> model(Frame frame, String name, Object value) {
    return Map.of("frame", frame, name, value);
  }
}
