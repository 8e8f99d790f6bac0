package com.customerservice.domain.customer;

import com.customerservice.domain.error.ConflictException;
import com.customerservice.domain.error.InvalidValueException;
import com.customerservice.domain.event.EventData;
import com.customerservice.domain.event.EventType;
import com.customerservice.domain.event.Happening;
import com.customerservice.domain.file.FileRef;
import com.customerservice.domain.kyc.KycCase;
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
  private final CustomerId id;
  private final PhoneNumber phone;
  private final CustomerProfile profile;
  private final GovernmentIds governmentIds;
  private final KycCase kyc;
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
    this.kyc = Objects.requireNonNull(s.kyc, "kyc");
    this.status = Objects.requireNonNull(s.status, "status");
    this.profilePicture = s.profilePicture;
    this.createdAt = Objects.requireNonNull(s.createdAt, "createdAt");
    this.updatedAt = Objects.requireNonNull(s.updatedAt, "updatedAt");
    if (updatedAt.isBefore(createdAt)) {
      throw new IllegalArgumentException("updatedAt must not be before createdAt");
    }
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
   * conflict until the KYC case is {@linkplain KycCase#reopen reopened}.
   */
  public Customer update(CustomerChanges changes, Instant now) {
    requireActive();
    if (changes.isEmpty()) {
      return this;
    }
    CustomerProfile changed = profile.apply(changes);
    if (kyc.status() == KycStatus.VERIFIED) {
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
   * The KYC case changed as {@code transition} says (made from this customer's {@link #kyc()}): the
   * new state, the identity a verification proved copied onto the profile and government ids, and
   * what happened.
   */
  public Customer apply(KycCase.Transition transition, Instant now) {
    requireActive();
    if (!transition.from().equals(kyc)) {
      throw new IllegalStateException("a KYC transition made from another state of " + id);
    }
    Fields next = edit(now).kyc(transition.to());
    transition
        .identity()
        .ifPresent(
            document ->
                next.profile(
                        profile.withIdentity(
                            new FirstName(document.givenNames()),
                            // A document may carry one name only (Smile ID answers a FullName).
                            document.surname().isBlank() ? null : new LastName(document.surname()),
                            document.dateOfBirth()))
                    .governmentIds(governmentIds.withNationalityId(document.idNumber())));
    transition.happenings().forEach(next::happened);
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

  /** Where identity verification stands, and how many attempts failed. */
  public KycCase kyc() {
    return kyc;
  }

  public KycStatus kycStatus() {
    return kyc.status();
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
        + kyc.status().code()
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
    private KycCase kyc = KycCase.unverified();
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
      this.kyc = c.kyc;
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

    public Fields kyc(KycCase value) {
      this.kyc = value;
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
