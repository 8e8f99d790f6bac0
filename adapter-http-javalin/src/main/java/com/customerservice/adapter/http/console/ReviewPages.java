package com.customerservice.adapter.http.console;

import com.customerservice.adapter.http.error.ErrorResponses;
import com.customerservice.adapter.http.response.KycResponses;
import com.customerservice.application.port.in.ReadStoredFileUseCase;
import com.customerservice.application.port.in.ReviewKycCasesUseCase;
import com.customerservice.domain.error.DomainException;
import com.customerservice.domain.file.StoredFile;
import com.customerservice.domain.kyc.KycReview;
import com.customerservice.domain.kyc.VendorFindings;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The review queue, a review with its evidence, and claiming and deciding it: each through {@link
 * ReviewKycCasesUseCase}, as the API does, with the signed-in key as the reviewer. Claims and
 * decisions answer with the decision panel alone when htmx asks, so the page does not reload.
 */
final class ReviewPages {
  static final int PAGE_SIZE = 50;
  static final String EVIDENCE = Console.BASE + "/evidence/";

  private final ReviewKycCasesUseCase reviews;
  private final ReadStoredFileUseCase files;
  private final Pages pages;

  ReviewPages(ReviewKycCasesUseCase reviews, ReadStoredFileUseCase files, Pages pages) {
    this.reviews = reviews;
    this.files = files;
    this.pages = pages;
  }

  void register(RoutesConfig routes) {
    routes.get(Console.QUEUE, pages.page(this::queue));
    routes.get(Console.QUEUE + "/next", pages.page(this::next));
    routes.get(Console.QUEUE + "/{id}", pages.page(this::review));
    routes.post(Console.QUEUE + "/{id}/claim", pages.page(this::claim));
    routes.post(Console.QUEUE + "/{id}/decision", pages.page(this::decide));
    routes.get(EVIDENCE + "{file_id}", pages.page(this::evidence));
  }

  private void queue(Context ctx) {
    String status = Optional.ofNullable(ctx.queryParam("status")).orElse("open");
    var page =
        reviews.list(
            new ReviewKycCasesUseCase.Query(
                status, PAGE_SIZE, Optional.ofNullable(ctx.queryParam("page_token"))));
    KycResponses.ReviewList list = KycResponses.ReviewList.of(page);
    List<Views.QueueRow> rows = new ArrayList<>(list.data().size());
    for (int i = 0; i < list.data().size(); i++) {
      KycResponses.ReviewSummary r = list.data().get(i);
      Instant created = page.reviews().get(i).createdAt();
      rows.add(
          new Views.QueueRow(
              r.id(),
              r.customerId(),
              r.reason(),
              r.vendor(),
              r.createdAt(),
              Show.waited(Duration.between(created, page.asOf())),
              r.claimedBy(),
              r.decision()));
    }
    boolean open = status.equals("open");
    String nextPage =
        page.nextPageToken()
            .map(
                token ->
                    Console.QUEUE
                        + "?status="
                        + status
                        + "&page_token="
                        + URLEncoder.encode(token, StandardCharsets.UTF_8))
            .orElse(null);
    pages.render(
        ctx,
        200,
        "reviews",
        Views.model(
            pages.frame(ctx, open ? "Review queue" : "Recent decisions", Frame.Section.REVIEWS),
            "queue",
            new Views.Queue(open, rows, nextPage)));
  }

  /** The oldest open review nobody else holds: what a reviewer takes next. */
  private void next(Context ctx) {
    String me = Guard.session(ctx).keyName();
    var page = reviews.list(new ReviewKycCasesUseCase.Query("open", 100, Optional.empty()));
    Optional<KycReview> free =
        page.reviews().stream()
            .filter(r -> r.holderAt(page.asOf()).map(me::equals).orElse(true))
            .findFirst();
    ctx.redirect(
        free.map(r -> Console.QUEUE + "/" + r.id().value()).orElse(Console.QUEUE),
        HttpStatus.SEE_OTHER);
  }

  private void review(Context ctx) {
    var evidence = reviews.get(ctx.pathParam("id"));
    show(ctx, 200, evidence, null, null, null, null);
  }

  private void claim(Context ctx) {
    String id = ctx.pathParam("id");
    try {
      show(ctx, 200, reviews.claim(id), null, "You hold this review for 30 minutes.", null, null);
    } catch (DomainException e) {
      show(
          ctx,
          ErrorResponses.status(e.category()),
          reviews.get(id),
          Messages.of(e),
          null,
          null,
          null);
    }
  }

  private void decide(Context ctx) {
    String id = ctx.pathParam("id");
    String decision = Optional.ofNullable(ctx.formParam("decision")).orElse("");
    Optional<String> reason =
        Optional.ofNullable(ctx.formParam("reason_code")).filter(r -> !r.isBlank());
    Optional<String> note = Optional.ofNullable(ctx.formParam("note")).filter(n -> !n.isBlank());
    try {
      var decided =
          reviews.decide(
              id,
              new ReviewKycCasesUseCase.Decision(
                  decision, decision.equals("reject") ? reason : Optional.empty(), note));
      String done =
          decision.equals("approve")
              ? "Approved: the customer is verified."
              : "Rejected: the customer's case is updated.";
      show(ctx, 200, decided, null, done, null, null);
    } catch (DomainException e) {
      show(
          ctx,
          ErrorResponses.status(e.category()),
          reviews.get(id),
          Messages.of(e),
          null,
          reason.orElse(null),
          note.orElse(null));
    }
  }

  private void evidence(Context ctx) {
    StoredFile file = files.readKycEvidence(ctx.pathParam("file_id"));
    ctx.status(200).contentType(file.type().mediaType()).result(file.content());
  }

  /** The review page, or for htmx only its decision panel. */
  private void show(
      Context ctx,
      int status,
      ReviewKycCasesUseCase.Evidence evidence,
      String error,
      String notice,
      String reason,
      String note) {
    KycResponses.Review review = KycResponses.Review.of(evidence);
    Views.DecisionPanel panel =
        new Views.DecisionPanel(
            review.id(),
            review.customerId(),
            review.status(),
            review.claimedBy(),
            review.claimedUntil(),
            Objects.equals(review.claimedBy(), Guard.session(ctx).keyName()),
            review.decision(),
            Views.Reason.all(reason),
            note,
            error,
            notice);
    if (Pages.isHtmx(ctx)) {
      pages.render(
          ctx,
          status,
          "decision",
          Map.of("panel", panel, "frame", pages.frame(ctx, "", Frame.Section.REVIEWS)));
      return;
    }
    String name =
        Optional.ofNullable(review.profile())
            .map(p -> Show.name(p.firstName(), p.lastName()))
            .filter(n -> !n.isEmpty())
            .orElse(review.customerId());
    Views.Review view =
        new Views.Review(
            review,
            name,
            Show.waited(Duration.between(evidence.review().createdAt(), evidence.asOf())),
            images(review.images()),
            identity(review),
            findings(evidence.review().findings()),
            panel);
    pages.render(
        ctx,
        status,
        "review",
        Views.model(pages.frame(ctx, "Review of " + name, Frame.Section.REVIEWS), "review", view));
  }

  private static List<Views.Evidence> images(KycResponses.Images images) {
    List<Views.Evidence> shown = new ArrayList<>();
    shown.add(new Views.Evidence("Document, front", console(images.documentFront())));
    if (images.documentBack() != null) {
      shown.add(new Views.Evidence("Document, back", console(images.documentBack())));
    }
    shown.add(new Views.Evidence("Selfie", console(images.selfie())));
    return shown;
  }

  /** The API's link to a page of evidence, as the console serves it (to a session, not a key). */
  private static String console(String apiLink) {
    return EVIDENCE + apiLink.substring(KycResponses.EVIDENCE.length());
  }

  private static List<Views.Comparison> identity(KycResponses.Review review) {
    KycResponses.Extracted read = review.document().extracted();
    KycResponses.Entered entered = review.profile();
    boolean hasRead = read != null;
    boolean hasEntered = entered != null;
    return List.of(
        compare(
            "First name",
            hasRead ? read.firstName() : null,
            hasEntered ? entered.firstName() : null),
        compare(
            "Last name", hasRead ? read.lastName() : null, hasEntered ? entered.lastName() : null),
        compare(
            "Date of birth",
            hasRead ? read.dateOfBirth() : null,
            hasEntered ? entered.dateOfBirth() : null));
  }

  private static Views.Comparison compare(String field, String onDocument, String inProfile) {
    boolean differs =
        onDocument != null && inProfile != null && !normal(onDocument).equals(normal(inProfile));
    return new Views.Comparison(field, Show.text(onDocument), Show.text(inProfile), differs);
  }

  private static String normal(String value) {
    return value.strip().toLowerCase(Locale.ROOT);
  }

  private static List<Views.Finding> findings(VendorFindings findings) {
    List<Views.Finding> shown = new ArrayList<>();
    findings
        .values()
        .forEach(
            (key, value) ->
                shown.add(
                    value instanceof VendorFindings group
                        ? new Views.Finding(key, null, findings(group))
                        : new Views.Finding(key, String.valueOf(value), List.of())));
    return shown;
  }
}
