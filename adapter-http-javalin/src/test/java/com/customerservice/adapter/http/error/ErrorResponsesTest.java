package com.customerservice.adapter.http.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ErrorResponsesTest {

  @Test
  void retryAfterIsRoundedUpToWholeSecondsAndAtLeastOne() {
    assertThat(ErrorResponses.retryAfterSeconds(Duration.ofMillis(1500))).isEqualTo("2");
    assertThat(ErrorResponses.retryAfterSeconds(Duration.ofSeconds(20))).isEqualTo("20");
    assertThat(ErrorResponses.retryAfterSeconds(Duration.ZERO)).isEqualTo("1");
  }
}
