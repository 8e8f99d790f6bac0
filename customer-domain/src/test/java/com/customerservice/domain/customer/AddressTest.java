package com.customerservice.domain.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.customerservice.domain.error.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Av. Julius Nyerere^Maputo", // too few parts
        "a^b^c^d^e", // too many parts
        "^Maputo^Mozambique", // empty street
        "Av. Julius Nyerere^ ^Mozambique", // blank city
        "Av. Julius Nyerere^Maputo^Mozambique^", // empty postal code
        ""
      })
  void refusesMalformedCaretForms(String raw) {
    assertThatThrownBy(() -> Address.parse(raw))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> assertThat(e.param().orElseThrow()).startsWith("address"));
  }

  @Test
  void readsTheSpecsThreePartForm() {
    Address address = Address.parse("Av. Julius Nyerere^Maputo^Mozambique");
    assertThat(address).isEqualTo(new Address("Av. Julius Nyerere", "Maputo", "Mozambique", null));
  }

  @Test
  void readsAnOptionalPostalCodeAsTheFourthPart() {
    assertThat(Address.parse("Av. Julius Nyerere^Maputo^Mozambique^1100").postalCode())
        .isEqualTo("1100");
  }

  @Test
  void caretFormRoundTrips() {
    String raw = "Rua 1^Beira^Mozambique^2100";
    assertThat(Address.parse(raw).toCaretForm()).isEqualTo(raw);
  }

  @Test
  void partsMayNotContainTheSeparator() {
    assertThatThrownBy(() -> new Address("a^b", "Maputo", "Mozambique", null))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.param()).contains("address.street"));
  }

  @Test
  void trimsParts() {
    assertThat(Address.parse(" Rua 1 ^ Beira ^Mozambique").city()).isEqualTo("Beira");
  }
}
