package com.customerservice.domain.customer;

import com.customerservice.domain.error.InvalidValueException;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A partial update: for each field of the profile (and the tax id and NUIB), keep it, set it or
 * clear it. The values are value objects, each validated where it is made, so a change that exists
 * is a valid change.
 */
public record CustomerChanges(
    Patch<FirstName> firstName,
    Patch<LastName> lastName,
    Patch<Email> email,
    Patch<BusinessName> businessName,
    Patch<SensitiveId> taxId,
    Patch<Address> address,
    Patch<QrcodeId> qrcodeId,
    Patch<Nationality> nationality,
    Patch<Sex> sex,
    Patch<LocalDate> dateOfBirth,
    Patch<CustomerSegment> segment,
    Patch<SensitiveId> nuib) {

  public static final String TAX_ID = "tax_id";
  public static final String NUIB = "nuib";

  public CustomerChanges {
    Objects.requireNonNull(firstName, "firstName");
    Objects.requireNonNull(lastName, "lastName");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(businessName, "businessName");
    Objects.requireNonNull(taxId, "taxId");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(qrcodeId, "qrcodeId");
    Objects.requireNonNull(nationality, "nationality");
    Objects.requireNonNull(sex, "sex");
    Objects.requireNonNull(dateOfBirth, "dateOfBirth");
    Objects.requireNonNull(segment, "segment");
    Objects.requireNonNull(nuib, "nuib");
    if (segment instanceof Patch.Clear<?>) {
      throw InvalidValueException.invalid(
          CustomerSegment.FIELD, CustomerSegment.FIELD + " cannot be cleared");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public boolean isEmpty() {
    return this.equals(builder().build());
  }

  /** Collects the patches of a change one field at a time; every field is kept unless named. */
  public static final class Builder {
    private Patch<FirstName> firstName = Patch.keep();
    private Patch<LastName> lastName = Patch.keep();
    private Patch<Email> email = Patch.keep();
    private Patch<BusinessName> businessName = Patch.keep();
    private Patch<SensitiveId> taxId = Patch.keep();
    private Patch<Address> address = Patch.keep();
    private Patch<QrcodeId> qrcodeId = Patch.keep();
    private Patch<Nationality> nationality = Patch.keep();
    private Patch<Sex> sex = Patch.keep();
    private Patch<LocalDate> dateOfBirth = Patch.keep();
    private Patch<CustomerSegment> segment = Patch.keep();
    private Patch<SensitiveId> nuib = Patch.keep();

    private Builder() {}

    public Builder firstName(String value) {
      this.firstName = Patch.set(new FirstName(value));
      return this;
    }

    public Builder lastName(String value) {
      this.lastName = Patch.set(new LastName(value));
      return this;
    }

    public Builder email(Email value) {
      this.email = Patch.set(value);
      return this;
    }

    public Builder businessName(String value) {
      this.businessName = Patch.set(new BusinessName(value));
      return this;
    }

    public Builder taxId(SensitiveId value) {
      this.taxId = Patch.set(value);
      return this;
    }

    public Builder address(Address value) {
      this.address = Patch.set(value);
      return this;
    }

    public Builder qrcodeId(String value) {
      this.qrcodeId = Patch.set(new QrcodeId(value));
      return this;
    }

    public Builder nationality(String value) {
      this.nationality = Patch.set(new Nationality(value));
      return this;
    }

    public Builder sex(Sex value) {
      this.sex = Patch.set(value);
      return this;
    }

    public Builder dateOfBirth(LocalDate value) {
      this.dateOfBirth = Patch.set(value);
      return this;
    }

    public Builder segment(CustomerSegment value) {
      this.segment = Patch.set(value);
      return this;
    }

    public Builder nuib(SensitiveId value) {
      this.nuib = Patch.set(value);
      return this;
    }

    /**
     * Clears the optional field named as clients name it ({@code email}, {@code address}, …): JSON
     * merge patch's {@code null}. The customer segment is never optional.
     */
    public Builder clear(String field) {
      switch (field) {
        case FirstName.FIELD -> firstName = Patch.clear();
        case LastName.FIELD -> lastName = Patch.clear();
        case Email.FIELD -> email = Patch.clear();
        case BusinessName.FIELD -> businessName = Patch.clear();
        case TAX_ID -> taxId = Patch.clear();
        case Address.FIELD -> address = Patch.clear();
        case QrcodeId.FIELD -> qrcodeId = Patch.clear();
        case Nationality.FIELD -> nationality = Patch.clear();
        case Sex.FIELD -> sex = Patch.clear();
        case CustomerProfile.DATE_OF_BIRTH -> dateOfBirth = Patch.clear();
        case CustomerSegment.FIELD -> segment = Patch.clear();
        case NUIB -> nuib = Patch.clear();
        default -> throw new IllegalArgumentException("no customer field is named " + field);
      }
      return this;
    }

    public CustomerChanges build() {
      return new CustomerChanges(
          firstName,
          lastName,
          email,
          businessName,
          taxId,
          address,
          qrcodeId,
          nationality,
          sex,
          dateOfBirth,
          segment,
          nuib);
    }
  }
}
