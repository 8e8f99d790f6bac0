package com.customerservice.adapter.http.routes;

import com.customerservice.adapter.http.auth.Scope;
import com.customerservice.adapter.http.idempotency.IdempotentRequests;
import com.customerservice.adapter.http.json.Json;
import com.customerservice.adapter.http.request.Multipart;
import com.customerservice.adapter.http.request.Uploads;
import com.customerservice.adapter.http.response.Responses;
import com.customerservice.application.port.in.ListSupportedDocumentsUseCase;
import com.customerservice.application.port.in.UploadIdentityDocumentUseCase;
import com.customerservice.application.port.in.UploadSelfieUseCase;
import com.customerservice.domain.error.InvalidValueException;
import com.customerservice.domain.kyc.DocumentSubmission;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * Identity verification as the customer goes through it: supported documents, document upload,
 * selfie upload. Upload bodies are read only once the use case knows the customer.
 */
public final class KycRoutes {
  private final ListSupportedDocumentsUseCase supportedDocuments;

  private final UploadIdentityDocumentUseCase uploadDocument;
  private final UploadSelfieUseCase uploadSelfie;
  private final Uploads uploads;

  public KycRoutes(
      ListSupportedDocumentsUseCase supportedDocuments,
      UploadIdentityDocumentUseCase uploadDocument,
      UploadSelfieUseCase uploadSelfie,
      Uploads uploads) {
    this.supportedDocuments = supportedDocuments;
    this.uploadDocument = uploadDocument;
    this.uploadSelfie = uploadSelfie;
    this.uploads = uploads;
  }

  public void register(RoutesConfig routes) {
    routes.get("/v1/customers/supported-documents", this::supportedDocuments, Scope.CUSTOMERS);
    routes.post("/v1/customers/{id}/upload-document", this::uploadDocument, Scope.CUSTOMERS);
    routes.post("/v1/customers/{id}/upload-selfie", this::uploadSelfie, Scope.CUSTOMERS);
  }

  private void supportedDocuments(Context ctx) {
    Json.write(ctx, 200, Responses.DocumentTypeList.of(supportedDocuments.list()));
  }

  private void uploadDocument(Context ctx) {
    uploads.admitted(
        ctx,
        () -> {
          var uploaded =
              uploadDocument.upload(
                  new UploadIdentityDocumentUseCase.Command(
                      ctx.pathParam("id"), () -> document(ctx)));
          // The pages come back as base64: streamed, not built as one more copy in memory,
          // and not kept for retries either: a replay renders them again from what was stored.
          Json.stream(ctx, 200, Responses.DocumentUploaded.of(uploaded));
          IdempotentRequests.rerenderFrom(ctx, uploaded.document().reference().value());
          return null;
        });
  }

  /** Writes again the answer of an earlier upload (an idempotent retry), as it was first given. */
  public void rerender(Context ctx, String reference) {
    var uploaded =
        uploadDocument
            .uploaded(reference)
            .orElseThrow(() -> new IllegalStateException("the kept upload is gone"));
    Json.stream(ctx, ctx.statusCode(), Responses.DocumentUploaded.of(uploaded));
  }

  private UploadIdentityDocumentUseCase.Document document(Context ctx) {
    Multipart.require(ctx);
    String type =
        Multipart.text(ctx, DocumentSubmission.TYPE_FIELD)
            .orElseThrow(() -> InvalidValueException.missing(DocumentSubmission.TYPE_FIELD));
    var front =
        uploads
            .image(ctx, DocumentSubmission.FRONT_FIELD, uploads.kycImage())
            .orElseThrow(() -> InvalidValueException.missing(DocumentSubmission.FRONT_FIELD));
    var back = uploads.image(ctx, DocumentSubmission.BACK_FIELD, uploads.kycImage());
    return new UploadIdentityDocumentUseCase.Document(type, front, back);
  }

  private void uploadSelfie(Context ctx) {
    var result =
        uploads.admitted(
            ctx,
            () ->
                uploadSelfie.upload(
                    new UploadSelfieUseCase.Command(ctx.pathParam("id"), () -> selfie(ctx))));
    Json.write(ctx, 200, Responses.SelfieChecked.of(result));
  }

  private UploadSelfieUseCase.Selfie selfie(Context ctx) {
    Multipart.require(ctx);
    String reference =
        Multipart.text(ctx, UploadSelfieUseCase.Selfie.REFERENCE_FIELD)
            .orElseThrow(
                () -> InvalidValueException.missing(UploadSelfieUseCase.Selfie.REFERENCE_FIELD));
    var image =
        uploads
            .image(ctx, UploadSelfieUseCase.Selfie.IMAGE_FIELD, uploads.kycImage())
            .orElseThrow(
                () -> InvalidValueException.missing(UploadSelfieUseCase.Selfie.IMAGE_FIELD));
    return new UploadSelfieUseCase.Selfie(reference, image);
  }
}
