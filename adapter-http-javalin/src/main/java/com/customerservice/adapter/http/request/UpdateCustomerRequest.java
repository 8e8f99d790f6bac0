package com.customerservice.adapter.http.request;

import com.customerservice.adapter.http.error.Echo;
import com.customerservice.adapter.http.json.JsonBody;
import com.customerservice.domain.customer.Address;
import com.customerservice.domain.customer.CustomerChanges;
import com.customerservice.domain.customer.CustomerSegment;
import com.customerservice.domain.customer.Email;
import com.customerservice.domain.customer.SensitiveId;
import com.customerservice.domain.customer.Sex;
import com.customerservice.domain.error.InvalidValueException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Set;

/**
 * The body of {@code PUT /v1/customers/{id}}: a partial update whose every field is optional. The
 * address comes as the spec's {@code street^city^country[^postal]} string or as an object.
 */
public final class UpdateCustomerRequest {
  public static final Set<String> FIELDS =
      Set.of(
          "first_name",
          "last_name",
          "email",
          "business_name",
          "tax_id",
          "address",
          "qrcode_id",
          "nationality",
          "sex",
          "date_of_birth",
          "customer_segment",
          "nuib");
  private static final Set<String> ADDRESS_FIELDS =
      Set.of("street", "city", "country", "postal_code");

  private UpdateCustomerRequest() {}

  public static CustomerChanges toChanges(JsonBody body) {
    CustomerChanges.Builder changes = CustomerChanges.builder();
    body.optionalString("first_name").ifPresent(changes::firstName);
    body.optionalString("last_name").ifPresent(changes::lastName);
    body.optionalString("email").map(Email::new).ifPresent(changes::email);
    body.optionalString("business_name").ifPresent(changes::businessName);
    body.optionalString("tax_id").map(v -> SensitiveId.of("tax_id", v)).ifPresent(changes::taxId);
    body.optionalString("nuib").map(v -> SensitiveId.of("nuib", v)).ifPresent(changes::nuib);
    body.optionalString("qrcode_id").ifPresent(changes::qrcodeId);
    body.optionalString("nationality").ifPresent(changes::nationality);
    body.optionalString("sex").map(Sex::fromCode).ifPresent(changes::sex);
    body.optionalString("customer_segment")
        .map(CustomerSegment::fromCode)
        .ifPresent(changes::segment);
    body.optionalString("date_of_birth")
        .map(UpdateCustomerRequest::dateOfBirth)
        .ifPresent(changes::dateOfBirth);
    body.optionalNode("address").map(UpdateCustomerRequest::address).ifPresent(changes::address);
    return changes.build();
  }

  /** {@code 1990-01-15}, or a timestamp such as {@code 1990-01-15T00:00:00Z} (its UTC day). */
  static LocalDate dateOfBirth(String raw) {
    try {
      return raw.length() == 10
          ? LocalDate.parse(raw)
          : LocalDate.ofInstant(Instant.parse(raw), ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw InvalidValueException.invalid(
          "date_of_birth", "date_of_birth must be a date such as 1990-01-15");
    }
  }

  static Address address(JsonNode node) {
    if (node.isTextual()) {
      return Address.parse(node.textValue());
    }
    if (!(node instanceof ObjectNode object)) {
      throw JsonBody.wrongType("address", "a string or an object");
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
