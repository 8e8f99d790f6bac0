package com.customerservice.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.customerservice.domain.customer.KycStatus;
import com.customerservice.domain.error.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class SharedRulesTest {

  @Test
  void textIsTrimmedAndBounded() {
    assertThat(Text.require("first_name", "  John ", 10)).isEqualTo("John");
    assertThatThrownBy(() -> Text.require("first_name", "x".repeat(11), 10))
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> Text.require("first_name", "Jo\u0000hn", 10))
        .isInstanceOf(InvalidValueException.class);
    assertThat(Text.optional("first_name", null, 10)).isNull();
  }

  @Test
  void textRefusesWhatDoesNotShowAsItselfAndIsStoredInNfc() {
    for (String hostile :
        new String[] {
          "Jo\u202Ehn", // right-to-left override
          "Jo\u200Bhn", // zero-width space
          "Jo\u200Dhn", // zero-width joiner
          "Jo\uFEFFhn", // byte-order mark
          "Jo\uD800hn", // unpaired high surrogate
          "Jo\uDC00hn", // unpaired low surrogate
          "John\uD83D" // high surrogate at the end
        }) {
      assertThatThrownBy(() -> Text.require("first_name", hostile, 100))
          .as(hostile)
          .isInstanceOfSatisfying(
              InvalidValueException.class, e -> assertThat(e.param()).contains("first_name"));
    }
    assertThat(Text.require("first_name", "Jose\u0301", 100)).isEqualTo("Jos\u00E9");
    assertThat(Text.require("first_name", "Ana \uD83D\uDE00", 100)).isEqualTo("Ana \uD83D\uDE00");
  }

  @Test
  void hmacTagsSeparateTheirParts() {
    HmacKey key = new HmacKey("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));
    assertThat(key.tag("ab", "c")).isNotEqualTo(key.tag("a", "bc"));
    assertThat(key.derive("otp").tag("x")).isNotEqualTo(key.derive("page-token").tag("x"));
    assertThat(key.toString()).doesNotContain("0123");
  }

  @Test
  void hmacKeysMustBeLongEnough() {
    assertThatThrownBy(() -> new HmacKey(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void timestampsAreTruncatedToMicroseconds() {
    Clock clock = Clock.fixed(Instant.parse("2026-03-01T08:00:00.123456789Z"), ZoneOffset.UTC);
    assertThat(Timestamps.now(clock)).isEqualTo(Instant.parse("2026-03-01T08:00:00.123456Z"));
  }

  @Test
  void codedEnumsListTheAllowedCodesWhenRefusing() {
    assertThat(KycStatus.fromCode("pending")).isEqualTo(KycStatus.PENDING);
    assertThatThrownBy(() -> KycStatus.fromCode("PENDING"))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> assertThat(e.getMessage()).contains("unverified, pending, verified, rejected"));
  }

  @Test
  void randomIdsDropBiasedBytesAndUseTheWholeAlphabet() {
    // A generator whose first draw is all 255s (always dropped), then counts upwards.
    RandomGenerator scripted =
        new RandomGenerator() {
          private int calls;
          private int next;

          @Override
          public long nextLong() {
            throw new UnsupportedOperationException("ids draw bytes only");
          }

          @Override
          public void nextBytes(byte[] bytes) {
            for (int i = 0; i < bytes.length; i++) {
              bytes[i] = calls == 0 ? (byte) 0xFF : (byte) (next++ % 248);
            }
            calls++;
          }
        };
    String id = RandomIds.next("cus_", scripted);
    assertThat(id).isEqualTo("cus_ABCDEFGHIJKLMNOPQRSTUVWX");

    var random = new java.security.SecureRandom();
    java.util.Set<Character> seen = new java.util.HashSet<>();
    for (int i = 0; i < 2000; i++) {
      RandomIds.next("x_", random).substring(2).chars().forEach(c -> seen.add((char) c));
    }
    assertThat(seen).hasSize(62);
  }

  @Test
  void randomIdsCheckPrefixLengthAndAlphabet() {
    assertThat(RandomIds.isValid("ref_", "ref_abcdefghijklmnopqrstuvwx")).isTrue();
    assertThat(RandomIds.isValid("ref_", "ref_abcdefghijklmnopqrstuvw!")).isFalse();
    assertThat(RandomIds.isValid("ref_", "file_abcdefghijklmnopqrstuvw")).isFalse();
    assertThatThrownBy(() -> RandomIds.require("ref_", null, "reference"))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.code()).isEqualTo("parameter_missing"));
  }
}
