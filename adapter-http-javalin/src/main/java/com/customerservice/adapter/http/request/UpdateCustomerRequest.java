package com.customerservice.adapter.http.request;

import com.customerservice.adapter.http.error.Echo;
import com.customerservice.adapter.http.json.JsonBody;
import com.customerservice.adapter.http.response.CustomerResponse;
import com.customerservice.domain.customer.Address;
import com.customerservice.domain.customer.BusinessName;
import com.customerservice.domain.customer.CustomerChanges;
import com.customerservice.domain.customer.CustomerProfile;
import com.customerservice.domain.customer.CustomerSegment;
import com.customerservice.domain.customer.Email;
import com.customerservice.domain.customer.FirstName;
import com.customerservice.domain.customer.LastName;
import com.customerservice.domain.customer.Nationality;
import com.customerservice.domain.customer.QrcodeId;
import com.customerservice.domain.customer.SensitiveId;
import com.customerservice.domain.customer.Sex;
import com.customerservice.domain.error.InvalidValueException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Set;

/**
 * The body of {@code PUT /v1/customers/{id}}, a JSON merge patch (RFC 7396) of the fields it names:
 * a value sets a field, {@code null} clears an optional one, an absent field stays as it is. A
 * masked value sent back exactly as GET shows it ({@code ***encrypted***}) means "unchanged", so
 * GET, edit, PUT works. The address comes as the spec's {@code street^city^country[^postal]} string
 * or as an object.
 */
public final class UpdateCustomerRequest {
  public static final Set<String> FIELDS =
      Set.of(
          FirstName.FIELD,
          LastName.FIELD,
          Email.FIELD,
          BusinessName.FIELD,
          CustomerChanges.TAX_ID,
          Address.FIELD,
          QrcodeId.FIELD,
          Nationality.FIELD,
          Sex.FIELD,
          CustomerProfile.DATE_OF_BIRTH,
          CustomerSegment.FIELD,
          CustomerChanges.NUIB);
  private static final Set<String> ADDRESS_FIELDS =
      Set.of("street", "city", "country", "postal_code");

  private UpdateCustomerRequest() {}

  public static CustomerChanges toChanges(JsonBody body) {
    CustomerChanges.Builder changes = CustomerChanges.builder();
    for (String field : body.fieldNames()) {
      if (body.isNull(field)) {
        changes.clear(field);
      } else if (field.equals(Address.FIELD)) {
        changes.address(address(body.optionalNode(field).orElseThrow()));
      } else {
        set(changes, field, body.requiredString(field));
      }
    }
    return changes.build();
  }

  private static void set(CustomerChanges.Builder changes, String field, String value) {
    switch (field) {
      case FirstName.FIELD -> changes.firstName(value);
      case LastName.FIELD -> changes.lastName(value);
      case Email.FIELD -> changes.email(new Email(value));
      case BusinessName.FIELD -> changes.businessName(value);
      case CustomerChanges.TAX_ID -> {
        if (!isMask(value)) {
          changes.taxId(SensitiveId.of(field, value));
        }
      }
      case CustomerChanges.NUIB -> {
        if (!isMask(value)) {
          changes.nuib(SensitiveId.of(field, value));
        }
      }
      case QrcodeId.FIELD -> changes.qrcodeId(value);
      case Nationality.FIELD -> changes.nationality(value);
      case Sex.FIELD -> changes.sex(Sex.fromCode(value));
      case CustomerSegment.FIELD -> changes.segment(CustomerSegment.fromCode(value));
      case CustomerProfile.DATE_OF_BIRTH -> changes.dateOfBirth(dateOfBirth(value));
      default -> throw new IllegalStateException("FIELDS and this switch disagree on " + field);
    }
  }

  /** GET shows a set government id masked; sending it back as it was changes nothing. */
  private static boolean isMask(String value) {
    return CustomerResponse.MASK.equals(value);
  }

  /**
   * A calendar date: {@code 1990-01-15}, or midnight UTC as GET shows it ({@code
   * 1990-01-15T00:00:00Z}). Any other time or offset would name another day somewhere, so it is
   * refused rather than silently cut.
   */
  static LocalDate dateOfBirth(String raw) {
    try {
      if (raw.length() == 10) {
        return LocalDate.parse(raw);
      }
      OffsetDateTime at = OffsetDateTime.parse(raw);
      if (at.getOffset().equals(ZoneOffset.UTC) && at.toLocalTime().equals(LocalTime.MIDNIGHT)) {
        return at.toLocalDate();
      }
    } catch (DateTimeParseException e) {
      // refused below
    }
    throw InvalidValueException.invalid(
        CustomerProfile.DATE_OF_BIRTH,
        "date_of_birth must be a date such as 1990-01-15 (or 1990-01-15T00:00:00Z)");
  }

  static Address address(JsonNode node) {
    if (node.isTextual()) {
      return Address.parse(node.textValue());
    }
    if (!(node instanceof ObjectNode object)) {
      throw JsonBody.wrongType(Address.FIELD, "a string or an object");
    }
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!ADDRESS_FIELDS.contains(name)) {
        String shown = "address." + Echo.cut(name);
        throw InvalidValueException.invalid(shown, "Received unknown parameter: " + shown);
      }
    }
    return new Address(
        text(object, "street"),
        text(object, "city"),
        text(object, "country"),
        text(object, "postal_code"));
  }

  private static String text(ObjectNode object, String field) {
    JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw JsonBody.wrongType("address." + field, "a string");
    }
    return value.textValue();
  }
}
