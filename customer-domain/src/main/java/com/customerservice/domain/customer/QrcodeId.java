package com.customerservice.domain.customer;

import com.customerservice.domain.error.InvalidValueException;
import java.util.regex.Pattern;

/** The id of the QR code a customer is paid through: 1 to 64 letters, digits, '_' or '-'. */
public record QrcodeId(String value) {
  public static final String FIELD = "qrcode_id";
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  public QrcodeId {
    if (value == null) {
      throw InvalidValueException.missing(FIELD);
    }
    if (!SHAPE.matcher(value).matches()) {
      throw InvalidValueException.invalid(
          FIELD, FIELD + " must be 1 to 64 letters, digits, '_' or '-'");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
