package com.customerservice.domain.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.customer.PhoneNumber;
import com.customerservice.domain.shared.HmacKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PhoneVerificationSessionTest {
  private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
  private static final OtpCode RIGHT = new OtpCode("123456");
  private static final OtpCode WRONG = new OtpCode("654321");

  private final SplittableRandom random = new SplittableRandom(1);
  private final OtpHasher hasher =
      new OtpHasher(
          new HmacKey("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8)));
  private final PhoneVerificationSession session =
      PhoneVerificationSession.start(
          SessionId.KIND.next(random), new PhoneNumber("+258841234567"), RIGHT, hasher, T0);

  @Test
  void keepsOnlyAKeyedHashOfTheCode() {
    String stored = new String(session.codeHash(), StandardCharsets.ISO_8859_1);
    assertThat(stored).doesNotContain("123456");
    assertThat(session.codeHash()).hasSize(32);
  }

  @Test
  void theRightCodeIsAcceptedWhilePending() {
    assertThat(session.attempt(RIGHT, hasher, T0.plusSeconds(10)))
        .isInstanceOf(VerificationAttempt.Accepted.class);
  }

  @Test
  void aWrongCodeIsCountedAndSaysHowManyAttemptsAreLeft() {
    var attempt = session.attempt(WRONG, hasher, T0);
    assertThat(attempt).isInstanceOf(VerificationAttempt.WrongCode.class);
    var wrong = (VerificationAttempt.WrongCode) attempt;
    assertThat(wrong.remainingAttempts()).isEqualTo(4);
    assertThat(wrong.changedSession()).isPresent();
    assertThat(wrong.session().wrongCodes()).isEqualTo(1);
  }

  @Test
  void theFifthWrongCodeLocksTheSessionForGood() {
    PhoneVerificationSession current = session;
    for (int i = 1; i <= 4; i++) {
      current = ((VerificationAttempt.WrongCode) current.attempt(WRONG, hasher, T0)).session();
    }
    var fifth = current.attempt(WRONG, hasher, T0);
    assertThat(fifth).isInstanceOf(VerificationAttempt.Locked.class);
    PhoneVerificationSession locked = fifth.changedSession().orElseThrow();
    assertThat(locked.state()).isEqualTo(PhoneVerificationSession.State.LOCKED);

    var rightAfterLock = locked.attempt(RIGHT, hasher, T0);
    assertThat(rightAfterLock).isInstanceOf(VerificationAttempt.Locked.class);
    assertThat(rightAfterLock.changedSession()).isEmpty();
  }

  @Test
  void theCodeExpiresAtTheEndOfItsLifetimeExactly() {
    assertThat(
            session.attempt(
                RIGHT, hasher, T0.plus(PhoneVerificationSession.LIFETIME).minusNanos(1000)))
        .isInstanceOf(VerificationAttempt.Accepted.class);
    assertThat(session.attempt(RIGHT, hasher, T0.plus(PhoneVerificationSession.LIFETIME)))
        .isInstanceOf(VerificationAttempt.Expired.class);
  }

  @Test
  void anExpiredSessionDoesNotCountWrongCodes() {
    var attempt =
        session.attempt(WRONG, hasher, T0.plus(PhoneVerificationSession.LIFETIME).plusSeconds(60));
    assertThat(attempt).isInstanceOf(VerificationAttempt.Expired.class);
    assertThat(attempt.changedSession()).isEmpty();
  }

  @Test
  void theRightCodeReplayedAfterSuccessNamesTheSameCustomer() {
    CustomerId customer = CustomerId.KIND.next(random);
    PhoneVerificationSession used = session.completedFor(customer);
    var replay = used.attempt(RIGHT, hasher, T0.plus(Duration.ofMinutes(1)));
    assertThat(replay).isEqualTo(new VerificationAttempt.Replayed(customer));
  }

  @Test
  void theRightCodeReplayedAfterTheLifetimeIsExpired() {
    PhoneVerificationSession used = session.completedFor(CustomerId.KIND.next(random));
    assertThat(used.attempt(RIGHT, hasher, T0.plus(PhoneVerificationSession.LIFETIME)))
        .isInstanceOf(VerificationAttempt.Expired.class);
  }

  @Test
  void wrongCodesAgainstAUsedSessionAreCountedAndLockIt() {
    CustomerId customer = CustomerId.KIND.next(random);
    PhoneVerificationSession current = session.completedFor(customer);
    for (int left = PhoneVerificationSession.MAX_WRONG_CODES - 1; left >= 1; left--) {
      var attempt = current.attempt(WRONG, hasher, T0);
      assertThat(attempt)
          .isEqualTo(
              new VerificationAttempt.WrongCode(attempt.changedSession().orElseThrow(), left));
      current = attempt.changedSession().orElseThrow();
    }
    var last = current.attempt(WRONG, hasher, T0);
    assertThat(last).isInstanceOf(VerificationAttempt.Locked.class);
    PhoneVerificationSession locked = last.changedSession().orElseThrow();
    assertThat(locked.state()).isEqualTo(PhoneVerificationSession.State.LOCKED);
    assertThat(locked.customerId()).contains(customer);
    assertThat(locked.attempt(RIGHT, hasher, T0))
        .isEqualTo(new VerificationAttempt.Locked(locked, false));
  }

  @Test
  void onlyAPendingSessionCanBeCompleted() {
    PhoneVerificationSession used = session.completedFor(CustomerId.KIND.next(random));
    assertThatThrownBy(() -> used.completedFor(CustomerId.KIND.next(random)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aCodeIsBoundToItsSession() {
    PhoneVerificationSession other =
        PhoneVerificationSession.start(
            SessionId.KIND.next(random), new PhoneNumber("+258841234567"), RIGHT, hasher, T0);
    assertThat(other.codeHash()).isNotEqualTo(session.codeHash());
  }

  @Test
  void toStringShowsNoCode() {
    assertThat(session.toString()).doesNotContain("123456");
    assertThat(RIGHT.toString()).isEqualTo("******");
  }

  @Test
  void restoreRefusesAVerifiedSessionWithoutCustomer() {
    assertThatThrownBy(
            () ->
                PhoneVerificationSession.restore(
                        session.id(), session.phone(), session.codeHash(), T0)
                    .state(PhoneVerificationSession.State.VERIFIED)
                    .version(1)
                    .build())
        .isInstanceOf(IllegalArgumentException.class);
  }
}
