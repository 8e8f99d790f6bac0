package com.customerservice.adapter.http.routes;

import com.customerservice.adapter.http.auth.Scope;
import com.customerservice.adapter.http.json.Json;
import com.customerservice.adapter.http.json.JsonBody;
import com.customerservice.adapter.http.request.Paging;
import com.customerservice.adapter.http.request.ReviewDecisionRequest;
import com.customerservice.adapter.http.response.KycResponses;
import com.customerservice.application.port.in.ReadStoredFileUseCase;
import com.customerservice.application.port.in.ReviewKycCasesUseCase;
import com.customerservice.domain.file.StoredFile;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * The review queue and the evidence behind it, for the back office: list, read, claim, decide, and
 * the document pages and selfies, which are never cached and never reach a {@code customers} key.
 */
public final class KycReviewRoutes {
  private static final String BASE = "/v1/kyc/reviews";

  private final ReviewKycCasesUseCase reviews;
  private final ReadStoredFileUseCase files;

  public KycReviewRoutes(ReviewKycCasesUseCase reviews, ReadStoredFileUseCase files) {
    this.reviews = reviews;
    this.files = files;
  }

  /** Registers the routes; before the clients' files, whose path would otherwise match. */
  public void register(RoutesConfig routes) {
    routes.get(BASE, this::list, Scope.BACK_OFFICE);
    routes.get(BASE + "/{id}", this::get, Scope.BACK_OFFICE);
    routes.post(BASE + "/{id}/claim", this::claim, Scope.BACK_OFFICE);
    routes.post(BASE + "/{id}/decision", this::decide, Scope.BACK_OFFICE);
    routes.get(KycResponses.EVIDENCE + "{file_id}", this::evidence, Scope.BACK_OFFICE);
  }

  private void list(Context ctx) {
    var page =
        reviews.list(
            new ReviewKycCasesUseCase.Query(
                Optional.ofNullable(ctx.queryParam("status")).orElse("open"),
                Paging.pageSize(ctx),
                Paging.pageToken(ctx)));
    Json.write(ctx, 200, KycResponses.ReviewList.of(page));
  }

  private void get(Context ctx) {
    write(ctx, reviews.get(ctx.pathParam("id")));
  }

  private void claim(Context ctx) {
    write(ctx, reviews.claim(ctx.pathParam("id")));
  }

  private void decide(Context ctx) {
    JsonBody body = JsonBody.read(ctx, ReviewDecisionRequest.FIELDS);
    write(ctx, reviews.decide(ctx.pathParam("id"), ReviewDecisionRequest.toCommand(body)));
  }

  private void write(Context ctx, ReviewKycCasesUseCase.Evidence evidence) {
    Json.write(ctx, 200, KycResponses.Review.of(evidence));
  }

  private void evidence(Context ctx) {
    StoredFile file = files.readKycEvidence(ctx.pathParam("file_id"));
    ctx.header("Cache-Control", "no-store");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.status(200).contentType(file.type().mediaType()).result(file.content());
  }
}
