package com.customerservice.domain.customer;

import com.customerservice.domain.shared.Text;
import java.time.LocalDate;

/**
 * A partial update: every non-null field replaces the customer's, every null field leaves it as it
 * is. Values are validated here, so a change that exists is a valid change.
 */
public record CustomerChanges(
    String firstName,
    String lastName,
    Email email,
    String businessName,
    SensitiveId taxId,
    Address address,
    String qrcodeId,
    String nationality,
    Sex sex,
    LocalDate dateOfBirth,
    CustomerSegment segment,
    SensitiveId nuib) {

  public CustomerChanges {
    firstName = Text.optional("first_name", firstName, CustomerProfile.MAX_NAME);
    lastName = Text.optional("last_name", lastName, CustomerProfile.MAX_NAME);
    businessName = Text.optional("business_name", businessName, CustomerProfile.MAX_BUSINESS_NAME);
    nationality = Text.optional("nationality", nationality, CustomerProfile.MAX_NATIONALITY);
    qrcodeId = CustomerProfile.requireQrcodeId(qrcodeId);
  }

  public static Builder builder() {
    return new Builder();
  }

  public boolean isEmpty() {
    return this.equals(builder().build());
  }

  /** Collects the fields of a change one at a time; {@link #build()} validates them. */
  public static final class Builder {
    private String firstName;
    private String lastName;
    private Email email;
    private String businessName;
    private SensitiveId taxId;
    private Address address;
    private String qrcodeId;
    private String nationality;
    private Sex sex;
    private LocalDate dateOfBirth;
    private CustomerSegment segment;
    private SensitiveId nuib;

    private Builder() {}

    public Builder firstName(String value) {
      this.firstName = value;
      return this;
    }

    public Builder lastName(String value) {
      this.lastName = value;
      return this;
    }

    public Builder email(Email value) {
      this.email = value;
      return this;
    }

    public Builder businessName(String value) {
      this.businessName = value;
      return this;
    }

    public Builder taxId(SensitiveId value) {
      this.taxId = value;
      return this;
    }

    public Builder address(Address value) {
      this.address = value;
      return this;
    }

    public Builder qrcodeId(String value) {
      this.qrcodeId = value;
      return this;
    }

    public Builder nationality(String value) {
      this.nationality = value;
      return this;
    }

    public Builder sex(Sex value) {
      this.sex = value;
      return this;
    }

    public Builder dateOfBirth(LocalDate value) {
      this.dateOfBirth = value;
      return this;
    }

    public Builder segment(CustomerSegment value) {
      this.segment = value;
      return this;
    }

    public Builder nuib(SensitiveId value) {
      this.nuib = value;
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
