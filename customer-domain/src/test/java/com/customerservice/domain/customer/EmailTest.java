package com.customerservice.domain.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.customerservice.domain.error.InvalidValueException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "plainaddress",
        "@example.com",
        "john@",
        "john@example",
        "john doe@example.com",
        "john@exa mple.com",
        "john..doe@example.com",
        "john@-example.com",
        "john@example.c"
      })
  void refusesMalformedAddresses(String raw) {
    assertThatThrownBy(() -> new Email(raw))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> {
              assertThat(e.code()).isEqualTo("email_invalid");
              assertThat(e.param()).contains("email");
            });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "john@example.com",
        "newemail@example.com",
        "a.b+tag@mail.co.mz",
        "x_y@sub.domain.org"
      })
  void acceptsOrdinaryAddresses(String raw) {
    assertThat(new Email(raw).value()).isEqualTo(raw);
  }

  @org.junit.jupiter.api.Test
  void refusesAnAddressLongerThan254Characters() {
    String longAddress = "a".repeat(64) + "@" + ("b".repeat(63) + ".").repeat(3) + "com";
    assertThat(longAddress.length()).isGreaterThan(254);
    assertThatThrownBy(() -> new Email(longAddress)).isInstanceOf(InvalidValueException.class);
  }
}
