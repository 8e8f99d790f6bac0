package com.customerservice.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.customerservice.application.fixtures.InMemoryApplication;
import com.customerservice.application.port.in.ConsoleSessionsUseCase;
import com.customerservice.domain.console.ConsoleSession;
import com.customerservice.domain.error.InvalidValueException;
import com.customerservice.domain.error.RateLimitedException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Console sessions and the back office's customer search, over the in-memory application. */
class ConsoleSessionsTest {
  private final InMemoryApplication app = new InMemoryApplication();
  private final ConsoleSessionsUseCase sessions = app.useCases.consoleSessions();

  @Test
  void aSessionIsFoundByItsTokenWhichIsNeverKept() {
    var signedIn = sessions.signIn("alice");

    assertThat(signedIn.token()).hasSizeGreaterThanOrEqualTo(43);
    assertThat(signedIn.session().tokenHash())
        .isEqualTo(ConsoleSession.hashOf(signedIn.token()))
        .isNotEqualTo(signedIn.token());
    assertThat(signedIn.session().csrfToken()).isNotEqualTo(signedIn.token());
    assertThat(sessions.find(signedIn.token()).orElseThrow().keyName()).isEqualTo("alice");
    assertThat(sessions.find(signedIn.session().tokenHash())).isEmpty();
    assertThat(sessions.find("")).isEmpty();
    assertThat(sessions.find(null)).isEmpty();
    assertThat(sessions.signIn("alice").token()).isNotEqualTo(signedIn.token());
  }

  @Test
  void aSessionEndsWhenSignedOutOrAfterEightHours() {
    var out = sessions.signIn("alice");
    var lapses = sessions.signIn("bob");

    sessions.signOut(out.token());
    assertThat(sessions.find(out.token())).isEmpty();

    app.clock.advance(ConsoleSession.LIFETIME.minusSeconds(1));
    assertThat(sessions.find(lapses.token())).isPresent();
    app.clock.advance(Duration.ofSeconds(1));
    assertThat(sessions.find(lapses.token())).isEmpty();
  }

  @Test
  void expiredSessionsAreDeletedByTheBackgroundWork() {
    var old = sessions.signIn("alice");
    app.clock.advance(ConsoleSession.LIFETIME.plusMinutes(1));
    var fresh = sessions.signIn("alice");

    app.runBackgroundWork();

    assertThat(app.storage.consoleSessions().findByTokenHash(old.session().tokenHash())).isEmpty();
    assertThat(sessions.find(fresh.token())).isPresent();
  }

  @Test
  void signInAttemptsAreBudgetedPerAddressAndInAll() {
    for (int i = 0; i < ConsoleSessionsService.ATTEMPTS_PER_ADDRESS.capacity(); i++) {
      sessions.admitSignInAttempt("198.51.100.7");
    }
    assertThatThrownBy(() -> sessions.admitSignInAttempt("198.51.100.7"))
        .isInstanceOfSatisfying(
            RateLimitedException.class, e -> assertThat(e.retryAfter()).isPresent());
    sessions.admitSignInAttempt("198.51.100.8");

    for (int i = 0; i < ConsoleSessionsService.ATTEMPTS_OVERALL.capacity(); i++) {
      try {
        sessions.admitSignInAttempt("203.0.113." + i);
      } catch (RateLimitedException expected) {
        // the overall budget ran out before the loop did
      }
    }
    assertThatThrownBy(() -> sessions.admitSignInAttempt("192.0.2.1"))
        .isInstanceOf(RateLimitedException.class);
    app.clock.advance(Duration.ofMinutes(15));
    sessions.admitSignInAttempt("198.51.100.7");
  }

  @Test
  void theBackOfficeFindsACustomerByIdOrByPhoneWrittenAsPeopleWriteIt() {
    var id = app.onboard("+258841234567");
    var find = app.useCases.findCustomer();

    assertThat(find.find(id.value()).orElseThrow().id()).isEqualTo(id);
    assertThat(find.find("+258841234567").orElseThrow().id()).isEqualTo(id);
    assertThat(find.find(" 258 84 123 4567 ").orElseThrow().id()).isEqualTo(id);
    assertThat(find.find("00258-84-123-4567").orElseThrow().id()).isEqualTo(id);
    assertThat(find.find("+258841234568")).isEmpty();
    assertThat(find.find("cus_nothing")).isEmpty();
    assertThatThrownBy(() -> find.find("Maria")).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> find.find("")).isInstanceOf(InvalidValueException.class);
  }
}
