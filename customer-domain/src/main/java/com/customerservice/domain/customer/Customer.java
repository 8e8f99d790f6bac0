package com.customerservice.domain.customer;

import com.customerservice.domain.error.ConflictException;
import com.customerservice.domain.error.InvalidValueException;
import com.customerservice.domain.error.KycRefusedException;
import com.customerservice.domain.file.FileRef;
import com.customerservice.domain.kyc.DocumentExtraction;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A customer account: an immutable aggregate whose changes return a new instance. The {@link
 * #version()} is the one it was loaded at; a repository refuses to store a change made from a stale
 * version.
 */
public final class Customer {
  /** Failed selfies (not live, face mismatch) after which the KYC case is rejected. */
  public static final int MAX_FAILED_SELFIES = 3;

  private final CustomerId id;
  private final PhoneNumber phone;
  private final CustomerProfile profile;
  private final GovernmentIds governmentIds;
  private final KycStatus kycStatus;
  private final int failedSelfies;
  private final CustomerStatus status;
  private final FileRef profilePicture;
  private final Instant createdAt;
  private final Instant updatedAt;
  private final long version;

  private Customer(
      CustomerId id,
      PhoneNumber phone,
      CustomerProfile profile,
      GovernmentIds governmentIds,
      KycStatus kycStatus,
      int failedSelfies,
      CustomerStatus status,
      FileRef profilePicture,
      Instant createdAt,
      Instant updatedAt,
      long version) {
    this.id = Objects.requireNonNull(id, "id");
    this.phone = Objects.requireNonNull(phone, "phone");
    this.profile = Objects.requireNonNull(profile, "profile");
    this.governmentIds = Objects.requireNonNull(governmentIds, "governmentIds");
    this.kycStatus = Objects.requireNonNull(kycStatus, "kycStatus");
    this.status = Objects.requireNonNull(status, "status");
    this.profilePicture = profilePicture;
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
    if (failedSelfies < 0) {
      throw new IllegalArgumentException("failedSelfies must not be negative");
    }
    if (updatedAt.isBefore(createdAt)) {
      throw new IllegalArgumentException("updatedAt must not be before createdAt");
    }
    this.failedSelfies = failedSelfies;
    this.version = version;
  }

  /** A new, active, personal account for a phone number that was just verified. */
  public static Customer register(CustomerId id, PhoneNumber phone, Instant now) {
    return new Customer(
        id,
        phone,
        CustomerProfile.empty(),
        GovernmentIds.none(),
        KycStatus.UNVERIFIED,
        0,
        CustomerStatus.ACTIVE,
        null,
        now,
        now,
        0);
  }

  /** A customer as a repository stored it. */
  public static Customer restore(
      CustomerId id,
      PhoneNumber phone,
      CustomerProfile profile,
      GovernmentIds governmentIds,
      KycStatus kycStatus,
      int failedSelfies,
      CustomerStatus status,
      FileRef profilePicture,
      Instant createdAt,
      Instant updatedAt,
      long version) {
    return new Customer(
        id,
        phone,
        profile,
        governmentIds,
        kycStatus,
        failedSelfies,
        status,
        profilePicture,
        createdAt,
        updatedAt,
        version);
  }

  /**
   * Applies a partial update; an empty change returns this customer untouched. Once verified, the
   * identity the document proved (names, birth date) is locked: a change to it is a conflict until
   * KYC is {@linkplain #reopenKyc reopened}.
   */
  public Customer update(CustomerChanges changes, Instant now) {
    requireActive();
    if (changes.isEmpty()) {
      return this;
    }
    if (kycStatus == KycStatus.VERIFIED) {
      requireUnchanged("first_name", changes.firstName(), profile.firstName());
      requireUnchanged("last_name", changes.lastName(), profile.lastName());
      requireUnchanged("date_of_birth", changes.dateOfBirth(), profile.dateOfBirth());
    }
    LocalDate birth = changes.dateOfBirth();
    if (birth != null && birth.isAfter(LocalDate.ofInstant(now, ZoneOffset.UTC))) {
      throw InvalidValueException.invalid(
          "date_of_birth", "date_of_birth must not be in the future");
    }
    return with(
        profile.apply(changes),
        governmentIds.apply(changes),
        kycStatus,
        failedSelfies,
        status,
        profilePicture,
        now);
  }

  /** Closes the account: it is kept for compliance but no longer found, and its phone is free. */
  public Customer close(Instant now) {
    requireActive();
    return with(
        profile,
        governmentIds,
        kycStatus,
        failedSelfies,
        CustomerStatus.CLOSED,
        profilePicture,
        now);
  }

  public Customer changeProfilePicture(FileRef picture, Instant now) {
    requireActive();
    return with(
        profile,
        governmentIds,
        kycStatus,
        failedSelfies,
        status,
        Objects.requireNonNull(picture, "picture"),
        now);
  }

  /**
   * Starts identity verification again (a person's decision): the case is unverified, its failed
   * selfies forgotten, and the verified identity unlocked.
   */
  public Customer reopenKyc(Instant now) {
    requireActive();
    return with(profile, governmentIds, KycStatus.UNVERIFIED, 0, status, profilePicture, now);
  }

  /**
   * Refuses KYC steps, before any vendor is paid, for a customer whose case was rejected or whose
   * identity is already verified (which only a reopened case may change).
   */
  public void requireKycOpen() {
    requireActive();
    if (kycStatus == KycStatus.VERIFIED) {
      throw ConflictException.identityVerified(null);
    }
    if (kycStatus == KycStatus.REJECTED) {
      throw new KycRefusedException(
          "kyc_rejected",
          null,
          "Identity verification was rejected after too many failed selfies; contact support");
    }
  }

  /** An identity document was accepted: the case waits for a selfie. */
  public Customer documentAccepted(Instant now) {
    requireKycOpen();
    return with(
        profile, governmentIds, KycStatus.PENDING, failedSelfies, status, profilePicture, now);
  }

  /** A selfie matched the document: the customer is verified and takes the document's identity. */
  public Customer selfieMatched(DocumentExtraction document, Instant now) {
    requireKycOpen();
    return with(
        profile.withIdentity(document.givenNames(), document.surname(), document.dateOfBirth()),
        governmentIds.withNationalityId(document.idNumber()),
        KycStatus.VERIFIED,
        failedSelfies,
        status,
        profilePicture,
        now);
  }

  /** A selfie failed (not live, face mismatch); the third failure rejects the case. */
  public Customer selfieFailed(Instant now) {
    requireKycOpen();
    int failures = failedSelfies + 1;
    KycStatus next = failures >= MAX_FAILED_SELFIES ? KycStatus.REJECTED : kycStatus;
    return with(profile, governmentIds, next, failures, status, profilePicture, now);
  }

  private static void requireUnchanged(String field, Object requested, Object verified) {
    if (requested != null && !requested.equals(verified)) {
      throw ConflictException.identityVerified(field);
    }
  }

  private void requireActive() {
    if (status != CustomerStatus.ACTIVE) {
      throw new IllegalStateException("customer " + id + " is closed");
    }
  }

  private Customer with(
      CustomerProfile profile,
      GovernmentIds ids,
      KycStatus kyc,
      int failures,
      CustomerStatus status,
      FileRef picture,
      Instant now) {
    Instant updated = now.isBefore(updatedAt) ? updatedAt : now;
    return new Customer(
        id, phone, profile, ids, kyc, failures, status, picture, createdAt, updated, version);
  }

  /** This customer as stored at {@code newVersion}; for repositories. */
  public Customer atVersion(long newVersion) {
    return new Customer(
        id,
        phone,
        profile,
        governmentIds,
        kycStatus,
        failedSelfies,
        status,
        profilePicture,
        createdAt,
        updatedAt,
        newVersion);
  }

  public CustomerId id() {
    return id;
  }

  public PhoneNumber phone() {
    return phone;
  }

  public CustomerProfile profile() {
    return profile;
  }

  public GovernmentIds governmentIds() {
    return governmentIds;
  }

  public KycStatus kycStatus() {
    return kycStatus;
  }

  public int failedSelfies() {
    return failedSelfies;
  }

  public CustomerStatus status() {
    return status;
  }

  public boolean isActive() {
    return status == CustomerStatus.ACTIVE;
  }

  public FileRef profilePicture() {
    return profilePicture;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public long version() {
    return version;
  }

  @Override
  public String toString() {
    return "Customer["
        + id
        + ", "
        + status.code()
        + ", kyc="
        + kycStatus.code()
        + ", v"
        + version
        + "]";
  }
}
