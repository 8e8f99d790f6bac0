package com.customerservice.domain.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.customerservice.domain.error.InvalidValueException;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerQueryTest {

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 101, Integer.MAX_VALUE})
  void refusesPageSizesOutsideOneToAHundred(int limit) {
    assertThatThrownBy(() -> new CustomerQuery(CustomerFilter.none(), limit, Optional.empty()))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.param()).contains("page_size"));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 50, 100})
  void acceptsPageSizesFromOneToAHundred(int limit) {
    assertThat(new CustomerQuery(CustomerFilter.none(), limit, Optional.empty()).limit())
        .isEqualTo(limit);
  }

  @org.junit.jupiter.api.Test
  void aFilterWhoseBoundsCrossIsRefused() {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    assertThatThrownBy(() -> new CustomerFilter(null, null, t, t))
        .isInstanceOf(InvalidValueException.class);
  }
}
