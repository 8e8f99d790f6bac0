package com.customerservice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationTest {

  @Test
  void defaultsAreAnOpenSandboxOnAnEmbeddedDatabase() {
    Configuration c = Configuration.from(Map.of());
    assertThat(c.mode()).isEqualTo(Mode.SANDBOX);
    assertThat(c.port()).isEqualTo(8080);
    assertThat(c.databaseUrl()).isEmpty();
    assertThat(c.dataDir()).isEqualTo(Path.of("./data"));
    assertThat(c.apiKeys()).isEmpty();
    assertThat(c.kycProvider()).isEqualTo("sandbox");
    assertThat(c.otpSender()).isEqualTo("sandbox");
  }

  @Test
  void productionRefusesToStartNamingEveryMissingSetting() {
    assertThatThrownBy(() -> Configuration.from(Map.of("SERVICE_MODE", "production")))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e ->
                assertThat(e.problems())
                    .anyMatch(p -> p.startsWith("API_KEYS:"))
                    .anyMatch(p -> p.startsWith("DATABASE_URL:"))
                    .anyMatch(p -> p.startsWith("ENCRYPTION_KEYSET:"))
                    .anyMatch(p -> p.startsWith("HMAC_SECRET:"))
                    .anyMatch(p -> p.startsWith("KYC_PROVIDER:"))
                    .anyMatch(p -> p.startsWith("OTP_SENDER:")));
  }

  @Test
  void productionRefusesTheLogSenderSoNoCodeReachesALog() {
    assertThatThrownBy(
            () -> Configuration.from(Map.of("SERVICE_MODE", "production", "OTP_SENDER", "log")))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e -> assertThat(e.problems()).anyMatch(p -> p.contains("refuses the 'log' sender")));
  }

  @Test
  void badValuesAreEachNamed() {
    assertThatThrownBy(
            () ->
                Configuration.from(
                    Map.of(
                        "PORT", "eighty",
                        "DATABASE_URL", "mysql://x",
                        "HMAC_SECRET", "c2hvcnQ=",
                        "API_KEYS", "short",
                        "SERVICE_MODE", "staging",
                        "DATABASE_MIGRATE", "maybe")))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e ->
                assertThat(e.problems())
                    .anyMatch(p -> p.startsWith("PORT:"))
                    .anyMatch(p -> p.startsWith("DATABASE_URL:"))
                    .anyMatch(p -> p.startsWith("HMAC_SECRET:"))
                    .anyMatch(p -> p.startsWith("API_KEYS:"))
                    .anyMatch(p -> p.startsWith("SERVICE_MODE:"))
                    .anyMatch(p -> p.startsWith("DATABASE_MIGRATE:")));
  }

  @Test
  void aConfigFileAddsSettingsAndTheEnvironmentWins(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("service.properties");
    Files.writeString(
        file, "PORT=9090\nDATA_DIR=/var/lib/customers\nAPI_KEYS=sk_live_0123456789abcdef\n");
    Configuration c = Configuration.from(Map.of("CONFIG_FILE", file.toString(), "PORT", "9191"));
    assertThat(c.port()).isEqualTo(9191);
    assertThat(c.dataDir()).isEqualTo(Path.of("/var/lib/customers"));
    assertThat(c.apiKeys()).containsExactly("sk_live_0123456789abcdef");
  }

  @Test
  void twilioNeedsItsAccountTokenAndSender() {
    assertThatThrownBy(() -> Configuration.from(Map.of("OTP_SENDER", "twilio")))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e ->
                assertThat(e.problems())
                    .anyMatch(p -> p.startsWith("TWILIO_ACCOUNT_SID:"))
                    .anyMatch(p -> p.startsWith("TWILIO_AUTH_TOKEN:"))
                    .anyMatch(p -> p.startsWith("TWILIO_FROM:")));
    Configuration c =
        Configuration.from(
            Map.of(
                "OTP_SENDER", "twilio",
                "TWILIO_ACCOUNT_SID", "AC123",
                "TWILIO_AUTH_TOKEN", "token-value",
                "TWILIO_FROM", "+15005550006"));
    assertThat(c.sms()).isPresent();
    assertThat(c.toString()).doesNotContain("token-value");
  }

  @Test
  void productionAcceptsTwilioAsItsSender() {
    assertThatThrownBy(
            () ->
                Configuration.from(
                    Map.of(
                        "SERVICE_MODE", "production",
                        "OTP_SENDER", "twilio",
                        "TWILIO_ACCOUNT_SID", "AC123",
                        "TWILIO_AUTH_TOKEN", "token-value",
                        "TWILIO_FROM", "+15005550006")))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e -> assertThat(e.problems()).noneMatch(p -> p.startsWith("OTP_SENDER:")));
  }

  @Test
  void smileIdNeedsItsPartnerIdAndApiKeyAndAnHttpsAddress() {
    assertThatThrownBy(
            () ->
                Configuration.from(
                    Map.of(
                        "KYC_PROVIDER", "smile_id",
                        "SMILE_ID_PARTNER_ID", "007",
                        "SMILE_ID_BASE_URL", "http://smile.example/v1/")))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e ->
                assertThat(e.problems())
                    .anyMatch(p -> p.startsWith("SMILE_ID_PARTNER_ID:"))
                    .anyMatch(p -> p.startsWith("SMILE_ID_API_KEY:"))
                    .anyMatch(p -> p.startsWith("SMILE_ID_BASE_URL:")));
    Configuration c =
        Configuration.from(
            Map.of(
                "KYC_PROVIDER", "smile_id",
                "SMILE_ID_PARTNER_ID", "2345",
                "SMILE_ID_API_KEY", "smile-secret-key"));
    assertThat(c.smileId())
        .hasValueSatisfying(
            s -> assertThat(s.baseUrl()).isEqualTo("https://testapi.smileidentity.com/v1/"));
    assertThat(c.toString()).contains("partner=2345").doesNotContain("smile-secret-key");
  }

  @Test
  void productionAcceptsSmileIdAndTalksToItsProductionApi() {
    assertThatThrownBy(
            () ->
                Configuration.from(
                    Map.of(
                        "SERVICE_MODE", "production",
                        "KYC_PROVIDER", "smile_id",
                        "SMILE_ID_PARTNER_ID", "2345",
                        "SMILE_ID_API_KEY", "smile-secret-key")))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e ->
                assertThat(e.problems())
                    .noneMatch(p -> p.startsWith("KYC_PROVIDER:") || p.startsWith("SMILE_ID")));
    Map<String, String> production = new java.util.HashMap<>();
    production.putAll(
        Map.of(
            "SERVICE_MODE", "production",
            "API_KEYS", "sk_live_0123456789abcdef",
            "DATABASE_URL", "jdbc:postgresql://db/customers",
            "ENCRYPTION_KEYSET", "{\"primaryKeyId\":1}",
            "HMAC_SECRET", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
            "OTP_SENDER", "twilio",
            "TWILIO_ACCOUNT_SID", "AC123",
            "TWILIO_AUTH_TOKEN", "token-value",
            "TWILIO_FROM", "+15005550006"));
    production.putAll(
        Map.of(
            "KYC_PROVIDER", "smile_id",
            "SMILE_ID_PARTNER_ID", "2345",
            "SMILE_ID_API_KEY", "smile-secret-key"));
    assertThat(Configuration.from(production).smileId())
        .hasValueSatisfying(
            s -> assertThat(s.baseUrl()).isEqualTo("https://api.smileidentity.com/v1/"));
  }

  @Test
  void toStringShowsNoSecret() {
    Configuration c =
        Configuration.from(
            Map.of(
                "API_KEYS", "sk_live_0123456789abcdef",
                "DATABASE_URL", "jdbc:postgresql://db/customers?user=app&password=hunter2"));
    assertThat(c.toString()).doesNotContain("sk_live", "hunter2").contains("apiKeys=1");
  }
}
