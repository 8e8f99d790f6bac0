package com.customerservice.domain.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.customerservice.domain.error.InvalidValueException;
import com.customerservice.domain.shared.HmacKey;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageTokenCodecTest {
  private static final HmacKey KEY =
      new HmacKey("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));
  private final PageTokenCodec codec = new PageTokenCodec(KEY);
  private final CustomerFilter filter = CustomerFilter.none();
  private final PageCursor cursor =
      new PageCursor(
          Instant.parse("2026-03-01T08:00:00.123456Z"),
          new CustomerId("cus_abcdefghijklmnopqrstuvwx"));

  @Test
  void roundTrips() {
    assertThat(codec.decode(codec.encode(cursor, filter), filter)).isEqualTo(cursor);
  }

  @Test
  void tokensAreOpaqueAndUrlSafe() {
    assertThat(codec.encode(cursor, filter)).matches("[A-Za-z0-9_.-]+").doesNotContain("cus_");
  }

  @Test
  void refusesATokenSignedWithAnotherKey() {
    var other =
        new PageTokenCodec(
            new HmacKey("another-key-another-key-another-k".getBytes(StandardCharsets.UTF_8)));
    assertThatThrownBy(() -> codec.decode(other.encode(cursor, filter), filter))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> {
              assertThat(e.code()).isEqualTo("page_token_invalid");
              assertThat(e.param()).contains("page_token");
            });
  }

  @Test
  void refusesAForgedPayloadWithAnOldSignature() {
    String token = codec.encode(cursor, filter);
    String signature = token.substring(token.indexOf('.'));
    String forged =
        Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    "2|0|0|cus_zzzzzzzzzzzzzzzzzzzzzzzz".getBytes(StandardCharsets.UTF_8))
            + signature;
    assertThatThrownBy(() -> codec.decode(forged, filter))
        .isInstanceOf(InvalidValueException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "token_xyz", "a.b", "....", "%%%.%%%", "YQ.YQ.YQ"})
  void refusesGarbage(String token) {
    assertThatThrownBy(() -> codec.decode(token, filter)).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void refusesAnyFlippedCharacter() {
    String token = codec.encode(cursor, filter);
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      char flipped = c == 'A' ? 'B' : 'A';
      String tampered = token.substring(0, i) + flipped + token.substring(i + 1);
      if (!tampered.equals(token)) {
        assertThatThrownBy(() -> codec.decode(tampered, filter))
            .as("tampered at %d", i)
            .isInstanceOf(InvalidValueException.class);
      }
    }
  }

  @Test
  void aTokenIsBoundToTheFiltersItWasIssuedFor() {
    String token = codec.encode(cursor, filter);
    var pendingOnly = new CustomerFilter(null, KycStatus.PENDING, null, null);
    assertThatThrownBy(() -> codec.decode(token, pendingOnly))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.code()).isEqualTo("page_token_invalid"));
    assertThat(codec.decode(codec.encode(cursor, pendingOnly), pendingOnly)).isEqualTo(cursor);
  }
}
