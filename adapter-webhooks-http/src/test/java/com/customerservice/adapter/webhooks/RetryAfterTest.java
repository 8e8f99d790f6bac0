package com.customerservice.adapter.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Retry-After as seconds or an HTTP date, on the answers where it means "come back later". */
class RetryAfterTest {
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  private static Response answer(int status, String retryAfter) {
    return new Response.Builder()
        .request(new Request.Builder().url("http://127.0.0.1/hooks").build())
        .protocol(Protocol.HTTP_1_1)
        .code(status)
        .message("")
        .header("Retry-After", retryAfter)
        .build();
  }

  @Test
  void secondsAndDatesAreHowLongToWait() {
    assertThat(RetryAfter.parse("120", NOW)).contains(Duration.ofSeconds(120));
    assertThat(RetryAfter.parse(" 0 ", NOW)).contains(Duration.ZERO);
    assertThat(RetryAfter.parse("Sun, 01 Mar 2026 10:01:30 GMT", NOW))
        .contains(Duration.ofSeconds(90));
    assertThat(RetryAfter.parse("Sun, 01 Mar 2026 09:00:00 GMT", NOW)).contains(Duration.ZERO);
  }

  @Test
  void anAbsurdlyLongWaitDoesNotOverflow() {
    assertThat(RetryAfter.parse("99999999999999999999999", NOW).orElseThrow())
        .isGreaterThan(Duration.ofDays(365 * 30));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-5", "1.5", "soon", "Sunday, 01-Mar-26 10:01:30 GMT", "120 s"})
  void whatIsNeitherIsIgnored(String value) {
    assertThat(RetryAfter.parse(value, NOW)).isEmpty();
  }

  @Test
  void onlyA429OrA503AsksToWait() {
    assertThat(RetryAfter.requestedBy(answer(429, "30"), NOW)).contains(Duration.ofSeconds(30));
    assertThat(RetryAfter.requestedBy(answer(503, "30"), NOW)).contains(Duration.ofSeconds(30));
    assertThat(RetryAfter.requestedBy(answer(500, "30"), NOW)).isEmpty();
    assertThat(RetryAfter.requestedBy(answer(301, "30"), NOW)).isEmpty();
  }
}
