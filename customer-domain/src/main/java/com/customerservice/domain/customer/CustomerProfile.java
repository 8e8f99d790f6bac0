package com.customerservice.domain.customer;

import com.customerservice.domain.error.InvalidValueException;
import com.customerservice.domain.shared.Text;
import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The descriptive part of a customer that the customer may edit; every field but the segment is
 * optional.
 */
public record CustomerProfile(
    String firstName,
    String lastName,
    Email email,
    String businessName,
    Address address,
    String nationality,
    Sex sex,
    LocalDate dateOfBirth,
    CustomerSegment segment,
    String qrcodeId) {

  static final int MAX_NAME = 100;
  static final int MAX_BUSINESS_NAME = 200;
  static final int MAX_NATIONALITY = 64;
  private static final Pattern QRCODE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

  public CustomerProfile {
    firstName = Text.optional("first_name", firstName, MAX_NAME);
    lastName = Text.optional("last_name", lastName, MAX_NAME);
    businessName = Text.optional("business_name", businessName, MAX_BUSINESS_NAME);
    nationality = Text.optional("nationality", nationality, MAX_NATIONALITY);
    qrcodeId = requireQrcodeId(qrcodeId);
    Objects.requireNonNull(segment, "segment");
    if (dateOfBirth != null && dateOfBirth.isBefore(EARLIEST_BIRTH)) {
      throw InvalidValueException.invalid(
          "date_of_birth", "date_of_birth must not be before " + EARLIEST_BIRTH);
    }
  }

  /**
   * The profile of a customer who has just verified a phone: a personal account, nothing else
   * known.
   */
  public static CustomerProfile empty() {
    return new CustomerProfile(
        null, null, null, null, null, null, null, null, CustomerSegment.PERSONAL, null);
  }

  /** This profile with every field that {@code changes} names replaced. */
  CustomerProfile apply(CustomerChanges changes) {
    return new CustomerProfile(
        pick(changes.firstName(), firstName),
        pick(changes.lastName(), lastName),
        pick(changes.email(), email),
        pick(changes.businessName(), businessName),
        pick(changes.address(), address),
        pick(changes.nationality(), nationality),
        pick(changes.sex(), sex),
        pick(changes.dateOfBirth(), dateOfBirth),
        pick(changes.segment(), segment),
        pick(changes.qrcodeId(), qrcodeId));
  }

  /** This profile with the holder's names and birth date as read from an identity document. */
  CustomerProfile withIdentity(String givenNames, String surname, LocalDate birth) {
    return new CustomerProfile(
        Text.optional("first_name", givenNames, MAX_NAME),
        Text.optional("last_name", surname, MAX_NAME),
        email,
        businessName,
        address,
        nationality,
        sex,
        pick(birth, dateOfBirth),
        segment,
        qrcodeId);
  }

  static String requireQrcodeId(String value) {
    if (value != null && !QRCODE_ID.matcher(value).matches()) {
      throw InvalidValueException.invalid(
          "qrcode_id", "qrcode_id must be 1 to 64 letters, digits, '_' or '-'");
    }
    return value;
  }

  private static <T> T pick(T replacement, T current) {
    return replacement != null ? replacement : current;
  }
}
