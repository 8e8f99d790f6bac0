package com.customerservice.adapter.http.response;

import com.customerservice.application.port.in.GetKycCaseUseCase;
import com.customerservice.application.port.in.ReviewKycCasesUseCase;
import com.customerservice.domain.customer.Customer;
import com.customerservice.domain.file.FileId;
import com.customerservice.domain.kyc.DocumentExtraction;
import com.customerservice.domain.kyc.KycCheck;
import com.customerservice.domain.kyc.KycDocument;
import com.customerservice.domain.kyc.KycReview;
import com.customerservice.domain.kyc.Refusal;
import com.customerservice.domain.kyc.ReviewDecision;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * KYC cases, checks and documents as the back office sees them. The vendor's job reference shows
 * here and nowhere a {@code customers} key can read; sensitive values read off a document (the id
 * number) are masked as everywhere else.
 */
public final class KycResponses {
  private KycResponses() {}

  /** One selfie sent to a vendor, and where its verdict stands. */
  public record Check(
      String object,
      String id,
      String vendor,
      String vendorReference,
      String documentReference,
      String status,
      String result,
      String submittedAt,
      String decidedAt,
      String deadline) {
    public static Check of(KycCheck c) {
      return new Check(
          "kyc_check",
          c.id().value(),
          c.vendor(),
          c.job().reference(),
          c.document().value(),
          c.status().code(),
          c.result().map(KycCheck.Result::code).orElse(null),
          Formats.timestamp(c.submittedAt()),
          c.decidedAt().map(Formats::timestamp).orElse(null),
          Formats.timestamp(c.deadline()));
    }
  }

  /** What a document says, as read by its vendor; the id number masked. */
  public record Extracted(
      String firstName,
      String lastName,
      String dateOfBirth,
      String idNumber,
      String issuedAt,
      String expiresAt) {
    static Extracted of(DocumentExtraction read) {
      return new Extracted(
          read.givenNames(),
          read.surname().isBlank() ? null : read.surname(),
          Formats.date(read.dateOfBirth()),
          CustomerResponse.MASK,
          Formats.date(read.issuedAt()),
          Formats.date(read.expiresAt()));
    }
  }

  /** An accepted document: its type, when it came, and what was read off it (null: not yet). */
  public record Document(String reference, String docType, String uploadedAt, Extracted extracted) {
    public static Document of(KycDocument d) {
      return new Document(
          d.reference().value(),
          d.documentType(),
          Formats.timestamp(d.createdAt()),
          d.extraction().map(Extracted::of).orElse(null));
    }
  }

  /** A customer's whole case. */
  public record Case(
      String object,
      String customerId,
      String kycStatus,
      int failedAttempts,
      Document document,
      List<Check> checks,
      String openReview) {
    public static Case of(GetKycCaseUseCase.KycCaseView view) {
      return new Case(
          "kyc_case",
          view.customer().id().value(),
          view.customer().kycStatus().code(),
          view.customer().kyc().failedAttempts(),
          view.document().map(Document::of).orElse(null),
          view.checks().stream().map(Check::of).toList(),
          view.openReview().map(r -> r.id().value()).orElse(null));
    }
  }

  /** A callback taken: nothing more is said to whoever sent it. */
  public record CallbackReceived(String object, boolean received) {
    public static final CallbackReceived RECEIVED = new CallbackReceived("kyc_callback", true);
  }

  /** Where the back office reads a document page or a selfie. */
  static String evidenceLink(FileId file) {
    return EVIDENCE + file.value();
  }

  /** The path under which KYC evidence is served (back office only). */
  public static final String EVIDENCE = "/files/kyc/";

  /** A review in a list: the row itself, without its evidence. */
  public record ReviewSummary(
      String object,
      String id,
      String customerId,
      String status,
      String reason,
      String vendor,
      String checkId,
      Map<String, Object> vendorFindings,
      String claimedBy,
      String claimedUntil,
      Decision decision,
      String createdAt,
      String closedAt) {
    static ReviewSummary of(KycReview r, Instant asOf) {
      Optional<String> holder = r.holderAt(asOf);
      return new ReviewSummary(
          "kyc_review",
          r.id().value(),
          r.customerId().value(),
          r.status().code(),
          r.reason().code(),
          r.vendor(),
          r.checkId().value(),
          r.findings().toPlainMap(),
          holder.orElse(null),
          holder.flatMap(h -> r.claim()).map(c -> Formats.timestamp(c.until())).orElse(null),
          r.decision().map(Decision::of).orElse(null),
          Formats.timestamp(r.createdAt()),
          r.closedAt().map(Formats::timestamp).orElse(null));
    }
  }

  /** A person's decision on a review. */
  public record Decision(
      String decision, String reasonCode, String note, String decidedBy, String decidedAt) {
    static Decision of(ReviewDecision d) {
      return new Decision(
          d.decision().code(),
          d.reason().map(Refusal::code).orElse(null),
          d.note().orElse(null),
          d.decidedBy(),
          Formats.timestamp(d.decidedAt()));
    }
  }

  /** What the customer entered about themselves, beside what the document says. */
  public record Entered(String firstName, String lastName, String dateOfBirth) {
    static Entered of(Customer c) {
      return new Entered(
          CustomerResponse.text(c.profile().firstName()),
          CustomerResponse.text(c.profile().lastName()),
          Formats.date(c.profile().dateOfBirth()));
    }
  }

  /** Links to the evidence a reviewer looks at. */
  public record Images(String documentFront, String documentBack, String selfie) {
    static Images of(KycDocument document, KycCheck check) {
      return new Images(
          evidenceLink(document.front()),
          document.back().map(KycResponses::evidenceLink).orElse(null),
          evidenceLink(check.selfie()));
    }
  }

  /** The document as a reviewer sees it. */
  public record ReviewedDocument(String reference, String docType, Extracted extracted) {
    static ReviewedDocument of(KycDocument d) {
      return new ReviewedDocument(
          d.reference().value(), d.documentType(), d.extraction().map(Extracted::of).orElse(null));
    }
  }

  /** A review with everything a reviewer needs to decide it. */
  public record Review(
      String object,
      String id,
      String customerId,
      String status,
      String reason,
      String vendor,
      String checkId,
      String vendorReference,
      Map<String, Object> vendorFindings,
      ReviewedDocument document,
      Entered profile,
      Images images,
      String claimedBy,
      String claimedUntil,
      Decision decision,
      String createdAt,
      String closedAt) {
    public static Review of(ReviewKycCasesUseCase.Evidence evidence) {
      ReviewSummary row = ReviewSummary.of(evidence.review(), evidence.asOf());
      return new Review(
          row.object(),
          row.id(),
          row.customerId(),
          row.status(),
          row.reason(),
          row.vendor(),
          row.checkId(),
          evidence.check().job().reference(),
          row.vendorFindings(),
          ReviewedDocument.of(evidence.document()),
          evidence.customer().map(Entered::of).orElse(null),
          Images.of(evidence.document(), evidence.check()),
          row.claimedBy(),
          row.claimedUntil(),
          row.decision(),
          row.createdAt(),
          row.closedAt());
    }
  }

  public record ReviewList(
      String object, List<ReviewSummary> data, boolean hasMore, String nextPageToken) {
    public static ReviewList of(ReviewKycCasesUseCase.Page page) {
      return new ReviewList(
          "list",
          page.reviews().stream().map(r -> ReviewSummary.of(r, page.asOf())).toList(),
          page.hasMore(),
          page.nextPageToken().orElse(null));
    }
  }
}
