package com.customerservice.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.customerservice.application.fixtures.InMemoryApplication;
import com.customerservice.application.port.in.ListCustomersUseCase;
import com.customerservice.domain.customer.Customer;
import com.customerservice.domain.customer.CustomerFilter;
import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.customer.KycStatus;
import com.customerservice.domain.error.InvalidValueException;
import com.customerservice.domain.fixtures.KycFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListCustomersTest {
  private final InMemoryApplication app = new InMemoryApplication();

  private List<CustomerId> onboardMany(int count) {
    List<CustomerId> newestFirst = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      newestFirst.add(0, app.onboard(String.format("+2588412%05d", i)));
      app.clock.advance(Duration.ofSeconds(1));
    }
    return newestFirst;
  }

  private ListCustomersUseCase.Page page(int size, Optional<String> token) {
    return app.list.list(new ListCustomersUseCase.Query(size, token, CustomerFilter.none()));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -5, 101})
  void refusesPageSizesOutsideTheRange(int size) {
    assertThatThrownBy(() -> page(size, Optional.empty()))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.param()).contains("page_size"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"token_xyz", "", "eyJ9.eyJ9"})
  void refusesATokenItDidNotIssue(String token) {
    assertThatThrownBy(() -> page(10, Optional.of(token)))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.param()).contains("page_token"));
  }

  @Test
  void anEmptyListHasNoMore() {
    var page = page(50, Optional.empty());
    assertThat(page.customers()).isEmpty();
    assertThat(page.hasMore()).isFalse();
  }

  @Test
  void walksEveryCustomerNewestFirstThroughTokens() {
    List<CustomerId> expected = onboardMany(7);
    List<CustomerId> seen = new ArrayList<>();
    Optional<String> token = Optional.empty();
    int pages = 0;
    do {
      var page = page(3, token);
      page.customers().forEach(c -> seen.add(c.id()));
      token = page.nextPageToken();
      pages++;
    } while (token.isPresent());
    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactlyElementsOf(expected);
  }

  @Test
  void customersOnboardedBetweenPagesNeitherShiftNorRepeatThem() {
    List<CustomerId> expected = onboardMany(4);
    var first = page(2, Optional.empty());
    app.clock.advance(Duration.ofMinutes(1));
    app.onboard("+258849999999");
    var second = page(2, first.nextPageToken());
    List<CustomerId> seen = new ArrayList<>();
    first.customers().forEach(c -> seen.add(c.id()));
    second.customers().forEach(c -> seen.add(c.id()));
    assertThat(seen).containsExactlyElementsOf(expected);
    assertThat(second.hasMore()).isFalse();
  }

  @Test
  void filtersByKycStatusAndCreationTime() {
    List<CustomerId> ids = onboardMany(3); // newest first
    Customer oldest = app.customers.findActive(ids.get(2)).orElseThrow();
    app.customers.update(
        oldest.apply(
            oldest.kyc().submitDocument("MZ_BI", KycFixtures.REFERENCE), app.clock.instant()));

    var pending =
        app.list.list(
            new ListCustomersUseCase.Query(
                50, Optional.empty(), new CustomerFilter(null, KycStatus.PENDING, null, null)));
    assertThat(pending.customers()).extracting(Customer::id).containsExactly(ids.get(2));

    Instant middle = app.customers.findActive(ids.get(1)).orElseThrow().createdAt();
    var newer =
        app.list.list(
            new ListCustomersUseCase.Query(
                50, Optional.empty(), new CustomerFilter(null, null, middle, null)));
    assertThat(newer.customers()).extracting(Customer::id).containsExactly(ids.get(0));
  }
}
