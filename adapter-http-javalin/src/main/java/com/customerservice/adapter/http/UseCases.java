package com.customerservice.adapter.http;

import com.customerservice.application.port.in.ChangeProfilePictureUseCase;
import com.customerservice.application.port.in.CloseCustomerUseCase;
import com.customerservice.application.port.in.GetCustomerUseCase;
import com.customerservice.application.port.in.GetReceiverUseCase;
import com.customerservice.application.port.in.InitiateCustomerCreationUseCase;
import com.customerservice.application.port.in.ListCustomersUseCase;
import com.customerservice.application.port.in.ListSupportedDocumentsUseCase;
import com.customerservice.application.port.in.ReadStoredFileUseCase;
import com.customerservice.application.port.in.ReopenKycUseCase;
import com.customerservice.application.port.in.UpdateCustomerUseCase;
import com.customerservice.application.port.in.UploadIdentityDocumentUseCase;
import com.customerservice.application.port.in.UploadSelfieUseCase;
import com.customerservice.application.port.in.VerifyPhoneUseCase;
import java.util.Objects;

/** Every use case the HTTP API translates to. */
public record UseCases(
    InitiateCustomerCreationUseCase initiate,
    VerifyPhoneUseCase verify,
    GetCustomerUseCase get,
    UpdateCustomerUseCase update,
    CloseCustomerUseCase close,
    ListCustomersUseCase list,
    UploadIdentityDocumentUseCase uploadDocument,
    UploadSelfieUseCase uploadSelfie,
    ChangeProfilePictureUseCase changePicture,
    GetReceiverUseCase receiver,
    ListSupportedDocumentsUseCase supportedDocuments,
    ReadStoredFileUseCase files,
    ReopenKycUseCase reopenKyc) {

  public UseCases {
    Objects.requireNonNull(initiate, "initiate");
    Objects.requireNonNull(verify, "verify");
    Objects.requireNonNull(get, "get");
    Objects.requireNonNull(update, "update");
    Objects.requireNonNull(close, "close");
    Objects.requireNonNull(list, "list");
    Objects.requireNonNull(uploadDocument, "uploadDocument");
    Objects.requireNonNull(uploadSelfie, "uploadSelfie");
    Objects.requireNonNull(changePicture, "changePicture");
    Objects.requireNonNull(receiver, "receiver");
    Objects.requireNonNull(supportedDocuments, "supportedDocuments");
    Objects.requireNonNull(files, "files");
    Objects.requireNonNull(reopenKyc, "reopenKyc");
  }
}
