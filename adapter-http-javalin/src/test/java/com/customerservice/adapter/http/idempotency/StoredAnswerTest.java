package com.customerservice.adapter.http.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerservice.domain.idempotency.KeptAnswer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the core keeps of an HTTP answer, and the rule of which answers are kept at all. */
class StoredAnswerTest {

  @Test
  void anAnswerComesBackAsItWasKept() {
    StoredAnswer created =
        new StoredAnswer(
            201,
            Map.of("Location", "/v1/customers/cus_1", "Content-Type", "application/json"),
            "{\"customer_id\":\"cus_1\"}".getBytes(StandardCharsets.UTF_8),
            null);
    StoredAnswer again = StoredAnswer.of(created.kept());
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.headers()).isEqualTo(created.headers());
    assertThat(again.body()).isEqualTo(created.body());
    assertThat(again.rerenderFrom()).isEmpty();

    StoredAnswer upload = new StoredAnswer(200, Map.of(), new byte[] {1, 2}, "kyc_abc");
    assertThat(upload.kept().body()).as("rendered again, not kept").isEmpty();
    assertThat(StoredAnswer.of(upload.kept()).rerenderFrom()).contains("kyc_abc");
  }

  /** The shape migration V9_2 writes for answers kept before it, as PostgreSQL prints JSON. */
  @Test
  void answersKeptBeforeTheMigrationReadBack() {
    StoredAnswer migrated =
        StoredAnswer.of(
            new KeptAnswer(
                "{\"status\" : 200, \"headers\" : {\"Content-Type\": \"application/json\"},"
                    + " \"rerender\" : \"kyc_abc\"}",
                new byte[0]));
    assertThat(migrated.status()).isEqualTo(200);
    assertThat(migrated.headers()).containsEntry("Content-Type", "application/json");
    assertThat(migrated.rerenderFrom()).contains("kyc_abc");
  }

  @Test
  void serverErrorsAndRateLimitsAreNotKept() {
    assertThat(new StoredAnswer(503, Map.of(), new byte[0], null).worthKeeping()).isFalse();
    assertThat(new StoredAnswer(429, Map.of(), new byte[0], null).worthKeeping()).isFalse();
    assertThat(new StoredAnswer(422, Map.of(), new byte[0], null).worthKeeping()).isTrue();
    assertThat(new StoredAnswer(201, Map.of(), new byte[0], null).worthKeeping()).isTrue();
  }
}
