package com.customerservice.domain.shared;

import com.customerservice.domain.error.InvalidValueException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** An enum constant with a stable external code, such as {@code kyc_status} {@code pending}. */
public interface Coded {
  String code();

  /** The constant whose code is {@code code}, or a 400-style error that lists the allowed codes. */
  static <E extends Enum<E> & Coded> E parse(E[] values, String code, String field) {
    return Arrays.stream(values)
        .filter(v -> v.code().equals(code))
        .findFirst()
        .orElseThrow(
            () ->
                InvalidValueException.invalid(
                    field,
                    field
                        + " must be one of "
                        + Arrays.stream(values)
                            .map(Coded::code)
                            .collect(Collectors.joining(", "))));
  }
}
