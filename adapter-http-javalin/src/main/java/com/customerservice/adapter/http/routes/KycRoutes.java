package com.customerservice.adapter.http.routes;

import com.customerservice.adapter.http.UseCases;
import com.customerservice.adapter.http.auth.Scope;
import com.customerservice.adapter.http.json.Json;
import com.customerservice.adapter.http.request.Multipart;
import com.customerservice.adapter.http.response.CustomerResponse;
import com.customerservice.adapter.http.response.Responses;
import com.customerservice.application.port.in.UploadIdentityDocumentUseCase;
import com.customerservice.application.port.in.UploadSelfieUseCase;
import com.customerservice.domain.error.InvalidValueException;
import com.customerservice.domain.file.ImageLimits;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** Identity verification: supported documents, document upload, selfie upload. */
public final class KycRoutes {
  private final UseCases useCases;

  public KycRoutes(UseCases useCases) {
    this.useCases = useCases;
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
    String docType =
        Multipart.text(ctx, "doc_type")
            .orElseThrow(() -> InvalidValueException.missing("doc_type"));
    var front =
        Multipart.image(ctx, "image1", ImageLimits.KYC_IMAGE_MAX_BYTES)
            .orElseThrow(() -> InvalidValueException.missing("image1"));
    var back = Multipart.image(ctx, "image2", ImageLimits.KYC_IMAGE_MAX_BYTES);
    var uploaded =
        useCases
            .uploadDocument()
            .upload(
                new UploadIdentityDocumentUseCase.Command(
                    ctx.pathParam("id"), docType, front, back));
    Json.write(ctx, 200, Responses.DocumentUploaded.of(uploaded));
  }

  private void uploadSelfie(Context ctx) {
    useCases.get().get(ctx.pathParam("id"));
    Multipart.require(ctx);
    String reference =
        Multipart.text(ctx, "reference")
            .orElseThrow(() -> InvalidValueException.missing("reference"));
    var selfie =
        Multipart.image(ctx, "image", ImageLimits.KYC_IMAGE_MAX_BYTES)
            .orElseThrow(() -> InvalidValueException.missing("image"));
    var result =
        useCases
            .uploadSelfie()
            .upload(new UploadSelfieUseCase.Command(ctx.pathParam("id"), reference, selfie));
    Json.write(ctx, 200, Responses.SelfieChecked.of(result));
  }
}
