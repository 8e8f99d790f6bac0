package com.customerservice.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.customerservice.application.fixtures.TestKeys;
import com.customerservice.application.port.out.UnitOfWork;
import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.customer.PhoneNumber;
import com.customerservice.domain.error.ConflictException;
import com.customerservice.domain.port.PhoneVerificationRepository;
import com.customerservice.domain.verification.OtpCode;
import com.customerservice.domain.verification.OtpHasher;
import com.customerservice.domain.verification.PhoneVerificationSession;
import com.customerservice.domain.verification.SessionId;
import com.customerservice.domain.verification.VerificationAttempt;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What every {@link PhoneVerificationRepository} must do. */
public abstract class PhoneVerificationRepositoryContract {
  private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  protected final SecureRandom random = new SecureRandom();
  private final OtpHasher hasher = new OtpHasher(TestKeys.hmacKey());
  private final OtpCode code = new OtpCode("123456");

  protected abstract PhoneVerificationRepository repository();

  protected abstract UnitOfWork unitOfWork();

  /**
   * A customer a verified session may name; a store with referential integrity needs it to exist.
   */
  protected CustomerId existingCustomer() {
    return CustomerId.newId(random);
  }

  private PhoneNumber uniquePhone() {
    return new PhoneNumber(
        String.format("+25882%07d", (System.nanoTime() + SEQUENCE.incrementAndGet()) % 10_000_000));
  }

  private PhoneVerificationSession start(PhoneNumber phone, Instant at) {
    return PhoneVerificationSession.start(SessionId.newId(random), phone, code, hasher, at);
  }

  @Test
  void storesASessionWithItsHashAndState() {
    PhoneVerificationSession session = start(uniquePhone(), T0);
    repository().insert(session);
    PhoneVerificationSession read = repository().find(session.id()).orElseThrow();
    assertThat(read.phone()).isEqualTo(session.phone());
    assertThat(read.codeHash()).isEqualTo(session.codeHash());
    assertThat(read.createdAt()).isEqualTo(T0);
    assertThat(read.expiresAt()).isEqualTo(session.expiresAt());
    assertThat(read.state()).isEqualTo(PhoneVerificationSession.State.PENDING);
    assertThat(read.attempt(code, hasher, T0)).isInstanceOf(VerificationAttempt.Accepted.class);
  }

  @Test
  void findsNothingForAnUnknownSession() {
    assertThat(repository().find(SessionId.newId(random))).isEmpty();
  }

  @Test
  void storesCountedWrongCodesAndCompletion() {
    PhoneVerificationSession session = start(uniquePhone(), T0);
    repository().insert(session);
    PhoneVerificationSession read = repository().find(session.id()).orElseThrow();
    var wrong = read.attempt(new OtpCode("000000"), hasher, T0).changedSession().orElseThrow();
    repository().update(wrong);
    PhoneVerificationSession afterWrong = repository().find(session.id()).orElseThrow();
    assertThat(afterWrong.wrongCodes()).isEqualTo(1);

    CustomerId customer = existingCustomer();
    repository().update(afterWrong.completedFor(customer));
    PhoneVerificationSession done = repository().find(session.id()).orElseThrow();
    assertThat(done.state()).isEqualTo(PhoneVerificationSession.State.VERIFIED);
    assertThat(done.customerId()).contains(customer);
  }

  @Test
  void refusesAnUpdateFromAStaleVersion() {
    PhoneVerificationSession session = start(uniquePhone(), T0);
    repository().insert(session);
    PhoneVerificationSession read = repository().find(session.id()).orElseThrow();
    repository().update(read.completedFor(existingCustomer()));
    assertThatThrownBy(() -> repository().update(read.completedFor(existingCustomer())))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void listsInitiationsOfOnePhoneAfterAnInstant() {
    PhoneNumber phone = uniquePhone();
    repository().insert(start(phone, T0));
    repository().insert(start(phone, T0.plusSeconds(60)));
    repository().insert(start(phone, T0.plusSeconds(120)));
    repository().insert(start(uniquePhone(), T0.plusSeconds(90)));
    assertThat(repository().initiationsSince(phone, T0))
        .containsExactlyInAnyOrder(T0.plusSeconds(60), T0.plusSeconds(120));
  }

  @Test
  void aDeletedSessionIsGoneAndCountsForNothing() {
    PhoneNumber phone = uniquePhone();
    PhoneVerificationSession session = start(phone, T0);
    repository().insert(session);
    repository().delete(session.id());
    assertThat(repository().find(session.id())).isEmpty();
    assertThat(repository().initiationsSince(phone, T0.minusSeconds(1))).isEmpty();
  }

  @Test
  void aFailedUnitOfWorkStoresNoSession() {
    PhoneVerificationSession session = start(uniquePhone(), T0);
    assertThatThrownBy(
            () ->
                unitOfWork()
                    .inTransaction(
                        () -> {
                          repository().insert(session);
                          throw new IllegalStateException("boom");
                        }))
        .hasMessage("boom");
    assertThat(repository().find(session.id())).isEmpty();
  }
}
