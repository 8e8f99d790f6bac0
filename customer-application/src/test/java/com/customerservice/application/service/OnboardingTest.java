package com.customerservice.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.customerservice.application.fixtures.InMemoryApplication;
import com.customerservice.application.port.in.InitiateCustomerCreationUseCase;
import com.customerservice.application.port.in.VerifyPhoneUseCase;
import com.customerservice.domain.customer.Customer;
import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.customer.PhoneNumber;
import com.customerservice.domain.error.ConflictException;
import com.customerservice.domain.error.DependencyUnavailableException;
import com.customerservice.domain.error.InvalidValueException;
import com.customerservice.domain.error.NotFoundException;
import com.customerservice.domain.error.RateLimitedException;
import com.customerservice.domain.error.VerificationFailedException;
import com.customerservice.domain.event.Actor;
import com.customerservice.domain.verification.OtpCode;
import com.customerservice.domain.verification.OtpSendPolicy;
import com.customerservice.domain.verification.PhoneVerificationSession;
import com.customerservice.domain.verification.SessionId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Initiating and verifying a phone: every code rule and every rate limit, unhappy paths first. */
class OnboardingTest {
  private static final PhoneNumber PHONE = new PhoneNumber("+258841234567");
  private final InMemoryApplication app = new InMemoryApplication();

  private InitiateCustomerCreationUseCase.Started initiate() {
    return app.initiate.initiate(new InitiateCustomerCreationUseCase.Command(PHONE));
  }

  private OtpCode sentCode() {
    return app.sms.lastCodeFor(PHONE).orElseThrow();
  }

  private VerifyPhoneUseCase.Verified verify(SessionId session, OtpCode code) {
    return app.verify.verify(new VerifyPhoneUseCase.Command(session.value(), code));
  }

  private static OtpCode wrong(OtpCode right) {
    return new OtpCode(right.digits().equals("000000") ? "111111" : "000000");
  }

  @Test
  void aRegisteredPhoneIsTakenEvenWhenItWouldAlsoBeRateLimited() {
    app.onboard(PHONE.e164());
    assertThatThrownBy(this::initiate)
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.code()).isEqualTo("phone_number_taken"));
  }

  @Test
  void aSecondInitiationWithinThirtySecondsIsRateLimited() {
    initiate();
    app.clock.advance(Duration.ofSeconds(12));
    assertThatThrownBy(this::initiate)
        .isInstanceOfSatisfying(
            RateLimitedException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(18)));
    assertThat(app.sms.sent()).hasSize(1);
  }

  @Test
  void theSixthInitiationWithinAnHourIsRateLimited() {
    for (int i = 0; i < 5; i++) {
      initiate();
      app.clock.advance(Duration.ofSeconds(31));
    }
    assertThatThrownBy(this::initiate).isInstanceOf(RateLimitedException.class);
    app.clock.advance(Duration.ofHours(1));
    initiate();
    assertThat(app.sms.sent()).hasSize(6);
  }

  @Test
  void whenTheCodeCannotBeSentTheSessionIsForgottenAndCountsForNothing() {
    app.sms.setDown(true);
    assertThatThrownBy(this::initiate)
        .isInstanceOfSatisfying(
            DependencyUnavailableException.class,
            e -> assertThat(e.code()).isEqualTo("otp_delivery_failed"));
    app.sms.setDown(false);
    // No 30-second wait: the failed attempt left nothing behind.
    initiate();
    assertThat(app.sms.sent()).hasSize(1);
  }

  @Test
  void theCodeIsDisclosedOnlyWhenTheServiceIsToldTo() {
    assertThat(initiate().disclosedCode()).isEmpty();
    var sandbox =
        new InitiateCustomerCreationService(
            app.customers,
            app.sessions,
            app.sms,
            app.hasher,
            app.random,
            app.clock,
            CodeDisclosure.IN_RESPONSE,
            OtpSendPolicy.unlimited(),
            app.limiter,
            app.calls);
    PhoneNumber other = new PhoneNumber("+258841234568");
    var started = sandbox.initiate(new InitiateCustomerCreationUseCase.Command(other));
    assertThat(started.disclosedCode()).isEqualTo(app.sms.lastCodeFor(other));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "+258212345678", // a Maputo landline
        "+979123456789", // international premium rate
        "+881612345678", // satellite
        "+27821234567", // a South African mobile: not an allowed country
      })
  void codesGoOnlyToMobilesOfAllowedCountries(String phone) {
    assertThatThrownBy(
            () ->
                app.initiate.initiate(
                    new InitiateCustomerCreationUseCase.Command(new PhoneNumber(phone))))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> {
              assertThat(e.code()).isEqualTo("phone_number_unsupported");
              assertThat(e.param()).contains("phone_number");
            });
    assertThat(app.sms.sent()).isEmpty();
  }

  @Test
  void sendBudgetsPerCallerAndOverallRefuseWithTheirWait() {
    var budgeted =
        new InitiateCustomerCreationService(
            app.customers,
            app.sessions,
            app.sms,
            app.hasher,
            app.random,
            app.clock,
            CodeDisclosure.NEVER,
            new OtpSendPolicy(
                OtpSendPolicy.DEFAULT_COUNTRIES,
                Optional.of(OtpSendPolicy.perCallerPerMinute(2)),
                Optional.of(OtpSendPolicy.overallPerHour(3))),
            app.limiter,
            app.calls);
    Function<String, Object> send =
        phone ->
            budgeted.initiate(new InitiateCustomerCreationUseCase.Command(new PhoneNumber(phone)));
    app.calls.callAs(Actor.apiKey("app"), null, () -> send.apply("+258841000001"));
    app.calls.callAs(Actor.apiKey("app"), null, () -> send.apply("+258841000002"));
    assertThatThrownBy(
            () -> app.calls.callAs(Actor.apiKey("app"), null, () -> send.apply("+258841000003")))
        .isInstanceOfSatisfying(
            RateLimitedException.class, e -> assertThat(e.retryAfter().orElseThrow()).isPositive());
    app.calls.callAs(Actor.apiKey("other"), null, () -> send.apply("+258841000004"));
    assertThatThrownBy(
            () -> app.calls.callAs(Actor.apiKey("third"), null, () -> send.apply("+258841000005")))
        .isInstanceOfSatisfying(
            RateLimitedException.class, e -> assertThat(e.getMessage()).contains("this hour"));
    assertThat(app.sms.sent()).hasSize(3);
    app.clock.advance(Duration.ofMinutes(21)); // over a third of the hour: a code back overall
    app.calls.callAs(Actor.apiKey("app"), null, () -> send.apply("+258841000006"));
  }

  @Test
  void anUnknownSessionIsNotFoundWhateverItsShape() {
    for (String id : List.of("pvs_abc12345", "pvs_" + "a".repeat(24), "nonsense")) {
      assertThatThrownBy(
              () -> app.verify.verify(new VerifyPhoneUseCase.Command(id, new OtpCode("123456"))))
          .isInstanceOfSatisfying(
              NotFoundException.class, e -> assertThat(e.param()).contains("session_id"));
    }
  }

  @Test
  void aWrongCodeIsRefusedAndCounted() {
    var started = initiate();
    assertThatThrownBy(() -> verify(started.sessionId(), wrong(sentCode())))
        .isInstanceOfSatisfying(
            VerificationFailedException.class,
            e -> {
              assertThat(e.code()).isEqualTo("verification_code_incorrect");
              assertThat(e.getMessage()).contains("4 attempt(s) left");
            });
    assertThat(app.sessions.find(started.sessionId()).orElseThrow().wrongCodes()).isEqualTo(1);
    assertThat(app.customers.allStored()).isEmpty();
  }

  @Test
  void fiveWrongCodesLockTheSessionAndTheRightCodeNoLongerWorks() {
    var started = initiate();
    OtpCode right = sentCode();
    for (int i = 0; i < 4; i++) {
      assertThatThrownBy(() -> verify(started.sessionId(), wrong(right)))
          .isInstanceOf(VerificationFailedException.class);
    }
    assertThatThrownBy(() -> verify(started.sessionId(), wrong(right)))
        .isInstanceOfSatisfying(
            RateLimitedException.class, e -> assertThat(e.code()).isEqualTo("too_many_attempts"));
    assertThatThrownBy(() -> verify(started.sessionId(), right))
        .isInstanceOfSatisfying(
            RateLimitedException.class,
            e -> {
              assertThat(e.code()).isEqualTo("too_many_attempts");
              assertThat(e.retryAfter()).as("a locked session never unlocks").isEmpty();
            });
    assertThat(app.customers.allStored()).isEmpty();
  }

  @Test
  void anExpiredCodeIsRefused() {
    var started = initiate();
    app.clock.advance(PhoneVerificationSession.LIFETIME);
    assertThatThrownBy(() -> verify(started.sessionId(), sentCode()))
        .isInstanceOfSatisfying(
            VerificationFailedException.class,
            e -> assertThat(e.code()).isEqualTo("verification_session_expired"));
    assertThat(app.customers.allStored()).isEmpty();
  }

  @Test
  void theRightCodeCreatesAnActiveCustomerForThePhone() {
    var started = initiate();
    var verified = verify(started.sessionId(), sentCode());
    assertThat(verified.created()).isTrue();
    Customer customer = app.customers.findActive(verified.customerId()).orElseThrow();
    assertThat(customer.phone()).isEqualTo(PHONE);
    assertThat(customer.createdAt()).isEqualTo(app.clock.instant());
  }

  @Test
  void replayingTheRightCodeNamesTheSameCustomerAndCreatesNoOther() {
    var started = initiate();
    OtpCode code = sentCode();
    var first = verify(started.sessionId(), code);
    app.clock.advance(Duration.ofSeconds(20));
    var second = verify(started.sessionId(), code);
    assertThat(second.customerId()).isEqualTo(first.customerId());
    assertThat(second.created()).isFalse();
    assertThat(app.customers.allStored()).hasSize(1);
  }

  @Test
  void wrongCodesAfterSuccessAreCountedAndLockTheSession() {
    var started = initiate();
    OtpCode code = sentCode();
    verify(started.sessionId(), code);
    for (int i = 0; i < PhoneVerificationSession.MAX_WRONG_CODES - 1; i++) {
      assertThatThrownBy(() -> verify(started.sessionId(), wrong(code)))
          .isInstanceOf(VerificationFailedException.class);
    }
    assertThat(verify(started.sessionId(), code).created()).isFalse();
    assertThatThrownBy(() -> verify(started.sessionId(), wrong(code)))
        .isInstanceOfSatisfying(
            RateLimitedException.class, e -> assertThat(e.code()).isEqualTo("too_many_attempts"));
    assertThatThrownBy(() -> verify(started.sessionId(), code))
        .isInstanceOf(RateLimitedException.class);
    assertThat(app.customers.allStored()).hasSize(1);
  }

  @Test
  void theRightCodeReplayedAfterTheSessionsLifetimeIsExpired() {
    var started = initiate();
    OtpCode code = sentCode();
    verify(started.sessionId(), code);
    app.clock.advance(PhoneVerificationSession.LIFETIME);
    assertThatThrownBy(() -> verify(started.sessionId(), code))
        .isInstanceOfSatisfying(
            VerificationFailedException.class,
            e -> assertThat(e.code()).isEqualTo("verification_session_expired"));
  }

  @Test
  void aPhoneRegisteredThroughAnotherSessionMeanwhileIsTaken() {
    var first = initiate();
    OtpCode firstCode = sentCode();
    app.clock.advance(Duration.ofSeconds(31));
    var second = initiate();
    OtpCode secondCode = sentCode();
    verify(second.sessionId(), secondCode);
    assertThatThrownBy(() -> verify(first.sessionId(), firstCode))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.isPhoneNumberTaken()).isTrue());
    assertThat(app.customers.allStored()).hasSize(1);
  }

  @Test
  void manyConcurrentVerificationsOfOneSessionCreateExactlyOneCustomer() throws Exception {
    var started = initiate();
    OtpCode code = sentCode();
    int threads = 16;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<CustomerId>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(
            pool.submit(
                () -> {
                  go.await();
                  return verify(started.sessionId(), code).customerId();
                }));
      }
      go.countDown();
      Set<CustomerId> ids = new HashSet<>();
      for (Future<CustomerId> result : results) {
        ids.add(result.get(30, TimeUnit.SECONDS));
      }
      assertThat(ids).hasSize(1);
      assertThat(app.customers.allStored()).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void twoSessionsForOnePhoneVerifiedAtOnceCreateOneCustomer() throws Exception {
    var first = initiate();
    OtpCode firstCode = sentCode();
    app.clock.advance(Duration.ofSeconds(31));
    var second = initiate();
    OtpCode secondCode = sentCode();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch go = new CountDownLatch(1);
    try {
      Future<Object> a =
          pool.submit(
              () -> {
                go.await();
                return outcome(() -> verify(first.sessionId(), firstCode));
              });
      Future<Object> b =
          pool.submit(
              () -> {
                go.await();
                return outcome(() -> verify(second.sessionId(), secondCode));
              });
      go.countDown();
      List<Object> outcomes = List.of(a.get(30, TimeUnit.SECONDS), b.get(30, TimeUnit.SECONDS));
      assertThat(outcomes).filteredOn(o -> o instanceof VerifyPhoneUseCase.Verified).hasSize(1);
      assertThat(outcomes).filteredOn(o -> o instanceof ConflictException).hasSize(1);
      assertThat(app.customers.allStored()).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  private static Object outcome(java.util.function.Supplier<?> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      return e;
    }
  }
}
