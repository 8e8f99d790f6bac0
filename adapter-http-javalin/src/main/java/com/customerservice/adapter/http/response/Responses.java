package com.customerservice.adapter.http.response;

import com.customerservice.application.port.in.ListCustomersUseCase;
import com.customerservice.application.port.in.UploadIdentityDocumentUseCase;
import com.customerservice.domain.customer.Customer;
import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.kyc.DocumentExtraction;
import com.customerservice.domain.kyc.DocumentType;
import com.customerservice.domain.kyc.SelfieResult;
import com.customerservice.domain.verification.OtpCode;
import com.customerservice.domain.verification.SessionId;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;

/** The small response bodies of the API, each built from what a use case returned. */
public final class Responses {
  private Responses() {}

  /**
   * The answer to initiate; {@code otp} is left out entirely unless the service discloses codes.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record SessionStarted(String object, String sessionId, String otp) {
    public static SessionStarted of(SessionId id, Optional<OtpCode> code) {
      return new SessionStarted(
          "phone_verification_session", id.value(), code.map(OtpCode::digits).orElse(null));
    }
  }

  public record Verification(String object, String customerId, boolean verified) {
    public static Verification of(CustomerId id) {
      return new Verification("verification", id.value(), true);
    }
  }

  public record Deleted(String object, String customerId, boolean deleted) {
    public static Deleted of(CustomerId id) {
      return new Deleted("customer", id.value(), true);
    }
  }

  public record CustomerList(
      String object, List<CustomerResponse> data, boolean hasMore, String nextPageToken) {
    public static CustomerList of(ListCustomersUseCase.Page page) {
      return new CustomerList(
          "list",
          page.customers().stream().map(CustomerResponse::from).toList(),
          page.hasMore(),
          page.nextPageToken().orElse(null));
    }
  }

  public record DocumentTypeResponse(
      String object, String code, String name, String country, boolean hasBack) {
    static DocumentTypeResponse from(DocumentType type) {
      return new DocumentTypeResponse(
          "document_type", type.code(), type.name(), type.country(), type.hasBack());
    }
  }

  public record DocumentTypeList(String object, List<DocumentTypeResponse> data, boolean hasMore) {
    public static DocumentTypeList of(List<DocumentType> types) {
      return new DocumentTypeList(
          "list", types.stream().map(DocumentTypeResponse::from).toList(), false);
    }
  }

  /**
   * The spec's upload-document answer: what the document says, its reference, its pages. The
   * document's fields are null when the provider reads the document only with the selfie.
   */
  public record DocumentUploaded(
      String name,
      String dateOfBirth,
      String idNumber,
      String issuedAt,
      String expiresAt,
      String address,
      String reference,
      byte[] image1,
      byte[] image2) {
    public static DocumentUploaded of(UploadIdentityDocumentUseCase.Uploaded uploaded) {
      Optional<DocumentExtraction> read = uploaded.document().extraction();
      return new DocumentUploaded(
          read.map(DocumentExtraction::fullName).orElse(null),
          read.map(e -> Formats.date(e.dateOfBirth())).orElse(null),
          read.map(e -> e.idNumber().reveal()).orElse(null),
          read.map(e -> Formats.date(e.issuedAt())).orElse(null),
          read.map(e -> Formats.date(e.expiresAt())).orElse(null),
          read.map(DocumentExtraction::address).orElse(null),
          uploaded.document().reference().value(),
          uploaded.front(),
          uploaded.back().orElse(null));
    }
  }

  public record SelfieChecked(boolean status, String result, String description) {
    public static SelfieChecked of(SelfieResult result) {
      return new SelfieChecked(
          result instanceof SelfieResult.Match, result.code(), result.description());
    }
  }

  /** Who a transfer would reach: exactly the spec's fields, nothing more. */
  public record Receiver(
      String phoneNumber,
      String firstName,
      String lastName,
      String sex,
      String id,
      FileResponse profilePicture) {
    public static Receiver of(Customer c) {
      return new Receiver(
          c.phone().e164(),
          CustomerResponse.text(c.profile().firstName()),
          CustomerResponse.text(c.profile().lastName()),
          c.profile().sex() == null ? null : c.profile().sex().code(),
          c.id().value(),
          FileResponse.from(c.profilePicture()));
    }
  }
}
