package com.customerservice.testkit.memory;

import static com.customerservice.domain.fixtures.CustomerBuilder.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.customerservice.domain.customer.Customer;
import com.customerservice.domain.customer.CustomerChanges;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryUnitOfWorkTest {
  private final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
  private final InMemoryCustomerRepository customers =
      new InMemoryCustomerRepository(unitOfWork, new InMemoryEventLog(unitOfWork));
  private final Instant now = Instant.parse("2026-03-01T08:00:00Z");

  @Test
  void aFailureUndoesUpdatesInReverseOrder() {
    Customer customer = aCustomer().createdAt(now).build();
    customers.insert(customer);
    assertThatThrownBy(
            () ->
                unitOfWork.inTransaction(
                    () -> {
                      Customer v1 = customers.findActive(customer.id()).orElseThrow();
                      Customer v2 =
                          customers.update(
                              v1.update(CustomerChanges.builder().firstName("A").build(), now));
                      customers.update(
                          v2.update(CustomerChanges.builder().firstName("B").build(), now));
                      throw new IllegalStateException("boom");
                    }))
        .hasMessage("boom");
    Customer after = customers.findActive(customer.id()).orElseThrow();
    assertThat(after.profile().firstName()).isNull();
    assertThat(after.version()).isEqualTo(1);
  }

  @Test
  void nestedWorkJoinsTheOuterTransaction() {
    Customer customer = aCustomer().createdAt(now).build();
    assertThatThrownBy(
            () ->
                unitOfWork.inTransaction(
                    () -> {
                      unitOfWork.inTransaction(() -> customers.insert(customer));
                      throw new IllegalStateException("outer fails");
                    }))
        .hasMessage("outer fails");
    assertThat(customers.findActive(customer.id())).isEmpty();
  }

  @Test
  void successfulWorkIsKept() {
    Customer customer = aCustomer().createdAt(now).build();
    unitOfWork.inTransaction(() -> customers.insert(customer));
    assertThat(customers.findActive(customer.id())).isPresent();
  }
}
