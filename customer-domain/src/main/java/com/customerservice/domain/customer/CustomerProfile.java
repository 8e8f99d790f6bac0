package com.customerservice.domain.customer;

import com.customerservice.domain.error.InvalidValueException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The descriptive part of a customer that the customer may edit; every field but the segment is
 * optional (null). Each field is validated by its own value object.
 */
public record CustomerProfile(
    FirstName firstName,
    LastName lastName,
    Email email,
    BusinessName businessName,
    Address address,
    Nationality nationality,
    Sex sex,
    LocalDate dateOfBirth,
    CustomerSegment segment,
    QrcodeId qrcodeId) {

  public static final String DATE_OF_BIRTH = "date_of_birth";
  static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

  public CustomerProfile {
    Objects.requireNonNull(segment, "segment");
    if (dateOfBirth != null && dateOfBirth.isBefore(EARLIEST_BIRTH)) {
      throw InvalidValueException.invalid(
          DATE_OF_BIRTH, DATE_OF_BIRTH + " must not be before " + EARLIEST_BIRTH);
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

  /** This profile with every patch of {@code changes} applied. */
  CustomerProfile apply(CustomerChanges changes) {
    return new CustomerProfile(
        changes.firstName().applyTo(firstName),
        changes.lastName().applyTo(lastName),
        changes.email().applyTo(email),
        changes.businessName().applyTo(businessName),
        changes.address().applyTo(address),
        changes.nationality().applyTo(nationality),
        changes.sex().applyTo(sex),
        changes.dateOfBirth().applyTo(dateOfBirth),
        changes.segment().applyTo(segment),
        changes.qrcodeId().applyTo(qrcodeId));
  }

  /** The names of the fields whose values differ in {@code other}, in the API's order. */
  List<String> changedFields(CustomerProfile other) {
    List<String> changed = new ArrayList<>();
    addIfChanged(changed, FirstName.FIELD, firstName, other.firstName);
    addIfChanged(changed, LastName.FIELD, lastName, other.lastName);
    addIfChanged(changed, Email.FIELD, email, other.email);
    addIfChanged(changed, BusinessName.FIELD, businessName, other.businessName);
    addIfChanged(changed, Address.FIELD, address, other.address);
    addIfChanged(changed, Nationality.FIELD, nationality, other.nationality);
    addIfChanged(changed, Sex.FIELD, sex, other.sex);
    addIfChanged(changed, DATE_OF_BIRTH, dateOfBirth, other.dateOfBirth);
    addIfChanged(changed, CustomerSegment.FIELD, segment, other.segment);
    addIfChanged(changed, QrcodeId.FIELD, qrcodeId, other.qrcodeId);
    return changed;
  }

  static void addIfChanged(List<String> changed, String field, Object before, Object after) {
    if (!Objects.equals(before, after)) {
      changed.add(field);
    }
  }

  /** This profile with the holder's names and birth date as read from an identity document. */
  CustomerProfile withIdentity(FirstName given, LastName surname, LocalDate birth) {
    return new CustomerProfile(
        given,
        surname,
        email,
        businessName,
        address,
        nationality,
        sex,
        birth != null ? birth : dateOfBirth,
        segment,
        qrcodeId);
  }
}
