package com.customerservice.domain.kyc;

import com.customerservice.domain.customer.SensitiveId;
import com.customerservice.domain.error.KycRefusedException;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What a KYC provider read from an identity document. The id number is sensitive; dates and the
 * address are absent when the document does not carry them.
 */
public record DocumentExtraction(
    String givenNames,
    String surname,
    LocalDate dateOfBirth,
    SensitiveId idNumber,
    LocalDate issuedAt,
    LocalDate expiresAt,
    String address) {

  public DocumentExtraction {
    Objects.requireNonNull(givenNames, "givenNames");
    Objects.requireNonNull(surname, "surname");
    Objects.requireNonNull(idNumber, "idNumber");
    if (issuedAt != null && expiresAt != null && expiresAt.isBefore(issuedAt)) {
      throw new IllegalArgumentException("a document cannot expire before it was issued");
    }
  }

  /** The holder's name as printed: given names, then surname. */
  public String fullName() {
    return (givenNames + " " + surname).strip();
  }

  /** Whether the document is no longer valid on {@code day} (it is still valid on its last day). */
  public boolean isExpiredOn(LocalDate day) {
    return expiresAt != null && expiresAt.isBefore(day);
  }

  /**
   * Refuses a document that has expired by {@code day}; {@code param} names the request field that
   * brought the document (its front page, or the reference to it).
   */
  public void requireUnexpiredOn(LocalDate day, String param) {
    if (isExpiredOn(day)) {
      throw new KycRefusedException(
          "document_expired", param, "The document has expired; upload a valid document");
    }
  }

  @Override
  public String toString() {
    return "DocumentExtraction[idNumber=***, expiresAt=" + expiresAt + "]";
  }
}
