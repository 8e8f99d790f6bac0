package com.customerservice.domain.customer;

import com.customerservice.domain.error.ConflictException;
import com.customerservice.domain.error.InvalidValueException;
import com.customerservice.domain.error.KycRefusedException;
import com.customerservice.domain.event.Actor;
import com.customerservice.domain.event.EventData;
import com.customerservice.domain.event.EventType;
import com.customerservice.domain.event.Happening;
import com.customerservice.domain.file.FileRef;
import com.customerservice.domain.kyc.DocumentExtraction;
import com.customerservice.domain.kyc.KycReference;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A customer account: an immutable aggregate whose changes return a new instance. The {@link
 * #version()} is the one it was loaded at; a repository refuses to store a change made from a stale
 * version. Each change also says what happened ({@link #happenings()}), which the application
 * records as events in the same transaction as the change.
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
  private final List<Happening> happenings;

  private Customer(Fields s) {
    this.id = Objects.requireNonNull(s.id, "id");
    this.phone = Objects.requireNonNull(s.phone, "phone");
    this.profile = Objects.requireNonNull(s.profile, "profile");
    this.governmentIds = Objects.requireNonNull(s.governmentIds, "governmentIds");
    this.kycStatus = Objects.requireNonNull(s.kycStatus, "kycStatus");
    this.status = Objects.requireNonNull(s.status, "status");
    this.profilePicture = s.profilePicture;
    this.createdAt = Objects.requireNonNull(s.createdAt, "createdAt");
    this.updatedAt = Objects.requireNonNull(s.updatedAt, "updatedAt");
    if (s.failedSelfies < 0) {
      throw new IllegalArgumentException("failedSelfies must not be negative");
    }
    if (updatedAt.isBefore(createdAt)) {
      throw new IllegalArgumentException("updatedAt must not be before createdAt");
    }
    this.failedSelfies = s.failedSelfies;
    this.version = s.version;
    this.happenings = List.copyOf(s.happenings);
  }

  /** A new, active, personal account for a phone number that was just verified. */
  public static Customer register(CustomerId id, PhoneNumber phone, Instant now) {
    return restore(id, phone, now).happened(Happening.of(EventType.CUSTOMER_CREATED)).build();
  }

  /**
   * A customer as a repository stored it, every other field named on the returned {@link Fields}:
   * unnamed fields are those of a customer just registered at {@code createdAt}.
   */
  public static Fields restore(CustomerId id, PhoneNumber phone, Instant createdAt) {
    return new Fields(id, phone, createdAt);
  }

  /**
   * Applies a partial update; a change that changes nothing returns this customer untouched. Once
   * verified, the identity the document proved (names, birth date) is locked: a change to it is a
   * conflict until KYC is {@linkplain #reopenKyc reopened}.
   */
  public Customer update(CustomerChanges changes, Instant now) {
    requireActive();
    if (changes.isEmpty()) {
      return this;
    }
    CustomerProfile changed = profile.apply(changes);
    if (kycStatus == KycStatus.VERIFIED) {
      requireUnchanged(FirstName.FIELD, profile.firstName(), changed.firstName());
      requireUnchanged(LastName.FIELD, profile.lastName(), changed.lastName());
      requireUnchanged(CustomerProfile.DATE_OF_BIRTH, profile.dateOfBirth(), changed.dateOfBirth());
    }
    LocalDate birth = changed.dateOfBirth();
    if (birth != null && birth.isAfter(LocalDate.ofInstant(now, ZoneOffset.UTC))) {
      throw InvalidValueException.invalid(
          CustomerProfile.DATE_OF_BIRTH, "date_of_birth must not be in the future");
    }
    GovernmentIds ids = governmentIds.apply(changes);
    List<String> changedFields = new ArrayList<>(profile.changedFields(changed));
    changedFields.addAll(governmentIds.changedFields(ids));
    if (changedFields.isEmpty()) {
      return this;
    }
    return edit(now)
        .profile(changed)
        .governmentIds(ids)
        .happened(
            Happening.of(
                EventType.CUSTOMER_UPDATED,
                EventData.empty().with("changed_fields", changedFields)))
        .build();
  }

  /** Closes the account: it is kept for compliance but no longer found, and its phone is free. */
  public Customer close(Instant now) {
    requireActive();
    return edit(now)
        .status(CustomerStatus.CLOSED)
        .happened(Happening.of(EventType.CUSTOMER_CLOSED))
        .build();
  }

  public Customer changeProfilePicture(FileRef picture, Instant now) {
    requireActive();
    Objects.requireNonNull(picture, "picture");
    return edit(now)
        .profilePicture(picture)
        .happened(
            Happening.of(
                EventType.PROFILE_PICTURE_CHANGED,
                EventData.empty().with("file_id", picture.fileId().value())))
        .build();
  }

  /**
   * Starts identity verification again (a person's decision): the case is unverified, its failed
   * selfies forgotten, and the verified identity unlocked.
   */
  public Customer reopenKyc(Instant now) {
    requireActive();
    return edit(now)
        .kycStatus(KycStatus.UNVERIFIED)
        .failedSelfies(0)
        .happened(Happening.of(EventType.KYC_REOPENED))
        .build();
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

  /**
   * An identity document was accepted: the case waits for a selfie. The event names the type and
   * the reference of the upload, never its number or images.
   */
  public Customer documentAccepted(String documentType, KycReference reference, Instant now) {
    requireKycOpen();
    return edit(now)
        .kycStatus(KycStatus.PENDING)
        .happened(
            Happening.of(
                EventType.KYC_DOCUMENT_SUBMITTED,
                EventData.empty()
                    .with("doc_type", documentType)
                    .with("reference", reference.value())))
        .build();
  }

  /**
   * A selfie matched the document, as {@code provider} decided: the customer is verified and takes
   * the document's identity.
   */
  public Customer selfieMatched(DocumentExtraction document, Actor provider, Instant now) {
    requireKycOpen();
    return edit(now)
        .profile(
            profile.withIdentity(
                new FirstName(document.givenNames()),
                // A document may carry one name only (Smile ID answers a single FullName).
                document.surname().isBlank() ? null : new LastName(document.surname()),
                document.dateOfBirth()))
        .governmentIds(governmentIds.withNationalityId(document.idNumber()))
        .kycStatus(KycStatus.VERIFIED)
        .happened(Happening.of(EventType.KYC_VERIFIED).decidedBy(provider))
        .build();
  }

  /**
   * A selfie failed (not live, face mismatch; {@code result} is its code), as {@code provider}
   * decided; the third failure rejects the case.
   */
  public Customer selfieFailed(String result, Actor provider, Instant now) {
    requireKycOpen();
    int failures = failedSelfies + 1;
    boolean rejected = failures >= MAX_FAILED_SELFIES;
    Fields next =
        edit(now)
            .failedSelfies(failures)
            .kycStatus(rejected ? KycStatus.REJECTED : kycStatus)
            .happened(
                Happening.of(
                        EventType.KYC_SELFIE_FAILED,
                        EventData.empty().with("result", result).with("failed_selfies", failures))
                    .decidedBy(provider));
    if (rejected) {
      next.happened(
          Happening.of(EventType.KYC_REJECTED, EventData.empty().with("failed_selfies", failures))
              .decidedBy(provider));
    }
    return next.build();
  }

  private static void requireUnchanged(String field, Object verified, Object requested) {
    if (!Objects.equals(verified, requested)) {
      throw ConflictException.identityVerified(field);
    }
  }

  private void requireActive() {
    if (status != CustomerStatus.ACTIVE) {
      throw new IllegalStateException("customer " + id + " is closed");
    }
  }

  /** This customer's state, to change and build anew; the update time never goes backwards. */
  private Fields edit(Instant now) {
    return new Fields(this).updatedAt(now.isBefore(updatedAt) ? updatedAt : now);
  }

  /**
   * This customer as stored at {@code newVersion}, its happenings recorded with it; for
   * repositories.
   */
  public Customer atVersion(long newVersion) {
    Fields stored = new Fields(this).version(newVersion);
    stored.happenings.clear();
    return stored.build();
  }

  /** What happened to this customer since it was loaded, oldest first: events to record. */
  public List<Happening> happenings() {
    return happenings;
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

  /**
   * The fields of a customer, named one at a time: how a repository restores one, and how the
   * aggregate changes itself. {@link #build()} checks the invariants.
   */
  public static final class Fields {
    private final CustomerId id;
    private final PhoneNumber phone;
    private final Instant createdAt;
    private CustomerProfile profile = CustomerProfile.empty();
    private GovernmentIds governmentIds = GovernmentIds.none();
    private KycStatus kycStatus = KycStatus.UNVERIFIED;
    private int failedSelfies;
    private CustomerStatus status = CustomerStatus.ACTIVE;
    private FileRef profilePicture;
    private Instant updatedAt;
    private long version;
    private final List<Happening> happenings = new ArrayList<>();

    private Fields(CustomerId id, PhoneNumber phone, Instant createdAt) {
      this.id = id;
      this.phone = phone;
      this.createdAt = createdAt;
      this.updatedAt = createdAt;
    }

    private Fields(Customer c) {
      this(c.id, c.phone, c.createdAt);
      this.profile = c.profile;
      this.governmentIds = c.governmentIds;
      this.kycStatus = c.kycStatus;
      this.failedSelfies = c.failedSelfies;
      this.status = c.status;
      this.profilePicture = c.profilePicture;
      this.updatedAt = c.updatedAt;
      this.version = c.version;
      this.happenings.addAll(c.happenings);
    }

    /** Notes what a change did; only the aggregate's own changes say what happened. */
    private Fields happened(Happening happening) {
      this.happenings.add(happening);
      return this;
    }

    public Fields profile(CustomerProfile value) {
      this.profile = value;
      return this;
    }

    public Fields governmentIds(GovernmentIds value) {
      this.governmentIds = value;
      return this;
    }

    public Fields kycStatus(KycStatus value) {
      this.kycStatus = value;
      return this;
    }

    public Fields failedSelfies(int value) {
      this.failedSelfies = value;
      return this;
    }

    public Fields status(CustomerStatus value) {
      this.status = value;
      return this;
    }

    public Fields profilePicture(FileRef value) {
      this.profilePicture = value;
      return this;
    }

    public Fields updatedAt(Instant value) {
      this.updatedAt = value;
      return this;
    }

    public Fields version(long value) {
      this.version = value;
      return this;
    }

    public Customer build() {
      return new Customer(this);
    }
  }
}
