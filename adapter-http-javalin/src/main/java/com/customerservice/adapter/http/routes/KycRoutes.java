package com.customerservice.adapter.http.routes;

import com.customerservice.adapter.http.UseCases;
import com.customerservice.adapter.http.auth.Scope;
import com.customerservice.adapter.http.json.Json;
import com.customerservice.adapter.http.request.Multipart;
import com.customerservice.adapter.http.request.Uploads;
import com.customerservice.adapter.http.response.CustomerResponse;
import com.customerservice.adapter.http.response.Responses;
import com.customerservice.application.port.in.UploadIdentityDocumentUseCase;
import com.customerservice.application.port.in.UploadSelfieUseCase;
import com.customerservice.domain.error.InvalidValueException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** Identity verification: supported documents, document upload, selfie upload. */
public final class KycRoutes {
  private final UseCases useCases;
  private final Uploads uploads;

  public KycRoutes(UseCases useCases, Uploads uploads) {
    this.useCases = useCases;
    this.uploads = uploads;
  }

  public void register(RoutesConfig routes) {
    routes.get("/v1/customers/supported-documents", this::supportedDocuments, Scope.CUSTOMERS);
    routes.post("/v1/customers/{id}/upload-document", this::uploadDocument, Scope.CUSTOMERS);
    routes.post("/v1/customers/{id}/upload-selfie", this::uploadSelfie, Scope.CUSTOMERS);
    routes.post("/v1/customers/{id}/kyc/reopen", this::reopen, Scope.BACK_OFFICE);
  }

  private void supportedDocuments(Context ctx) {
    Json.write(ctx, 200, Responses.DocumentTypeList.of(useCases.supportedDocuments().list()));
  }

  private void reopen(Context ctx) {
    Json.write(
        ctx, 200, CustomerResponse.Envelope.of(useCases.reopenKyc().reopen(ctx.pathParam("id"))));
  }

  private void uploadDocument(Context ctx) {
    useCases.get().get(ctx.pathParam("id"));
    Multipart.require(ctx);
    uploads.admitted(
        ctx,
        () -> {
          String docType =
              Multipart.text(ctx, "doc_type")
                  .orElseThrow(() -> InvalidValueException.missing("doc_type"));
          var front =
              uploads
                  .image(ctx, "image1", uploads.kycImage())
                  .orElseThrow(() -> InvalidValueException.missing("image1"));
          var back = uploads.image(ctx, "image2", uploads.kycImage());
          var uploaded =
              useCases
                  .uploadDocument()
                  .upload(
                      new UploadIdentityDocumentUseCase.Command(
                          ctx.pathParam("id"), docType, front, back));
          // The pages come back as base64: streamed, not built as one more copy in memory.
          Json.stream(ctx, 200, Responses.DocumentUploaded.of(uploaded));
          return null;
        });
  }

  private void uploadSelfie(Context ctx) {
    useCases.get().get(ctx.pathParam("id"));
    Multipart.require(ctx);
    var result =
        uploads.admitted(
            ctx,
            () -> {
              String reference =
                  Multipart.text(ctx, "reference")
                      .orElseThrow(() -> InvalidValueException.missing("reference"));
              var selfie =
                  uploads
                      .image(ctx, "image", uploads.kycImage())
                      .orElseThrow(() -> InvalidValueException.missing("image"));
              return useCases
                  .uploadSelfie()
                  .upload(new UploadSelfieUseCase.Command(ctx.pathParam("id"), reference, selfie));
            });
    Json.write(ctx, 200, Responses.SelfieChecked.of(result));
  }
}
