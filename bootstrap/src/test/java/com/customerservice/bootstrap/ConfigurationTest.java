package com.customerservice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.customerservice.adapter.http.auth.Scope;
import com.customerservice.adapter.kyc.FileDocumentCatalogue;
import com.customerservice.adapter.kyc.onfido.OnfidoSettings;
import com.customerservice.adapter.kyc.smileid.SmileIdSettings;
import com.customerservice.domain.port.KycVendors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigurationTest {
  /** 43 characters of base64 from 32 random bytes: what production wants. */
  static final String STRONG_KEY = "mobile-app:q7Xr2Lk9PzWc4Tn8Vb1Hs6Jd3Fg5Ym0Qa7Ue2Io9Rt4";

  static final String STRONG_HMAC = "3q8wdz5Yt2Pj0mXkQf7RrN1bVu9LcE4sHgA6yTiO2Ko=";

  /** A complete production configuration, for tests that change one thing in it. */
  static Map<String, String> production() {
    Map<String, String> env = new HashMap<>();
    env.put("SERVICE_MODE", "production");
    env.put("API_KEYS", STRONG_KEY);
    env.put("DATABASE_URL", "jdbc:postgresql://db/customers");
    env.put("ENCRYPTION_KEYSET", "{\"primaryKeyId\":1}");
    env.put("HMAC_SECRET", STRONG_HMAC);
    env.put("OTP_SENDER", "twilio");
    env.put("TWILIO_ACCOUNT_SID", "AC123");
    env.put("TWILIO_AUTH_TOKEN", "token-value");
    env.put("TWILIO_FROM", "+15005550006");
    env.put("KYC_PROVIDER", "smile_id");
    env.put("SMILE_ID_PARTNER_ID", "2345");
    env.put("SMILE_ID_API_KEY", "smile-secret-key");
    return env;
  }

  private static List<String> problemsOf(Map<String, String> env) {
    try {
      Configuration.from(env);
      return List.of();
    } catch (ConfigurationException e) {
      return e.problems();
    }
  }

  private static SmileIdSettings smileId(Configuration c) {
    return (SmileIdSettings) c.kyc().settings("smile_id").orElseThrow();
  }

  private static OnfidoSettings onfido(Configuration c) {
    return (OnfidoSettings) c.kyc().settings("onfido").orElseThrow();
  }

  private static Map<String, String> with(Map<String, String> env, String... pairs) {
    Map<String, String> changed = new HashMap<>(env);
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] == null) {
        changed.remove(pairs[i]);
      } else {
        changed.put(pairs[i], pairs[i + 1]);
      }
    }
    return changed;
  }

  @Test
  void aCompleteProductionConfigurationStartsWithBudgetsAndWithoutDisclosure() {
    Configuration c = Configuration.from(production());
    assertThat(c.disclosesCodes()).isFalse();
    assertThat(c.otpPolicy().perCaller()).isPresent();
    assertThat(c.otpPolicy().overall()).isPresent();
    assertThat(c.otpPolicy().allowedCountries()).containsExactly("MZ");
    assertThat(c.apiKeys())
        .singleElement()
        .satisfies(k -> assertThat(k.name()).isEqualTo("mobile-app"));
  }

  @Test
  void realProvidersWithoutAModeRefuseToStartInsteadOfRunningASandbox() {
    assertThat(problemsOf(with(production(), "SERVICE_MODE", null)))
        .anyMatch(p -> p.startsWith("SERVICE_MODE:"));
    assertThat(
            problemsOf(
                Map.of(
                    "KYC_PROVIDER",
                    "smile_id",
                    "SMILE_ID_PARTNER_ID",
                    "1",
                    "SMILE_ID_API_KEY",
                    "k")))
        .anyMatch(p -> p.startsWith("SERVICE_MODE:"));
  }

  @Test
  void aSandboxWithARealSmsGatewayNeverDisclosesTheCode() {
    Configuration c =
        Configuration.from(
            Map.of(
                "SERVICE_MODE", "sandbox",
                "OTP_SENDER", "twilio",
                "TWILIO_ACCOUNT_SID", "AC123",
                "TWILIO_AUTH_TOKEN", "token-value",
                "TWILIO_FROM", "+15005550006"));
    assertThat(c.disclosesCodes()).isFalse();
    assertThat(c.otpPolicy().perCaller()).as("real SMS: budgets on by default").isPresent();
    assertThat(Configuration.from(Map.of()).disclosesCodes()).isTrue();
    assertThat(Configuration.from(Map.of()).otpPolicy().perCaller())
        .as("the sandbox sender sends nothing: no budget unless set")
        .isEmpty();
    assertThat(
            Configuration.from(Map.of("OTP_SENDS_PER_KEY_PER_MINUTE", "5")).otpPolicy().perCaller())
        .isPresent();
  }

  @Test
  void productionRefusesShortOrPatternedKeysAndSecrets() {
    assertThat(problemsOf(with(production(), "API_KEYS", "app:sk_live_0123456789abcdef")))
        .anyMatch(p -> p.startsWith("API_KEYS:") && p.contains("'app'"));
    assertThat(problemsOf(with(production(), "API_KEYS", "app:" + "a".repeat(64))))
        .anyMatch(p -> p.startsWith("API_KEYS:"));
    assertThat(
            problemsOf(
                with(
                    production(),
                    "HMAC_SECRET",
                    java.util.Base64.getEncoder().encodeToString(new byte[32]))))
        .anyMatch(p -> p.startsWith("HMAC_SECRET:") && p.contains("random"));
    assertThat(problemsOf(production())).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1@attacker.example/v1/",
        "http://127.0.0.1.attacker.example/v1/",
        "http://localhost.attacker.example/v1/",
        "https://user:pass@smile.example/v1/",
        "ftp://smile.example/v1/",
        "not a url"
      })
  void vendorAddressesAreParsedAndTheirHostComparedExactly(String url) {
    Map<String, String> sandbox =
        Map.of(
            "SERVICE_MODE", "sandbox",
            "KYC_PROVIDER", "smile_id",
            "SMILE_ID_PARTNER_ID", "2345",
            "SMILE_ID_API_KEY", "k",
            "SMILE_ID_BASE_URL", url);
    assertThat(problemsOf(sandbox)).anyMatch(p -> p.startsWith("SMILE_ID_BASE_URL:"));
    assertThat(problemsOf(with(production(), "TWILIO_BASE_URL", url)))
        .anyMatch(p -> p.startsWith("TWILIO_BASE_URL:"));
  }

  @Test
  void aLocalVendorAddressIsForASandboxOnly() {
    assertThat(
            problemsOf(
                Map.of(
                    "SERVICE_MODE", "sandbox",
                    "KYC_PROVIDER", "smile_id",
                    "SMILE_ID_PARTNER_ID", "2345",
                    "SMILE_ID_API_KEY", "k",
                    "SMILE_ID_BASE_URL", "http://127.0.0.1:9000/v1/")))
        .isEmpty();
    assertThat(problemsOf(with(production(), "SMILE_ID_BASE_URL", "http://127.0.0.1:9000/v1/")))
        .anyMatch(p -> p.startsWith("SMILE_ID_BASE_URL:"));
  }

  @Test
  void namedKeysAndAKeysFileWithScopes(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("keys");
    Files.writeString(
        file,
        "# name scopes digest\n"
            + "compliance back_office sha256:"
            + "a".repeat(64)
            + "\nwallet customers,back_office sha256:"
            + "B".repeat(64)
            + "\n");
    Configuration c =
        Configuration.from(
            Map.of(
                "API_KEYS",
                "mobile-app:sk_test_0123456789abcdef,sk_test_bare_secret_0001",
                "API_KEYS_FILE",
                file.toString()));
    assertThat(c.apiKeys())
        .extracting(k -> k.name())
        .containsExactly("mobile-app", "key1", "compliance", "wallet");
    assertThat(c.apiKeys().get(2).scopes()).containsExactly(Scope.BACK_OFFICE);
    assertThat(c.toString()).doesNotContain("sk_test");
  }

  @Test
  void aBadKeysFileLineOrADuplicateNameIsNamed(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("keys");
    Files.writeString(file, "ops admin sha256:" + "a".repeat(64) + "\nops customers sha256:abc\n");
    assertThat(problemsOf(Map.of("API_KEYS_FILE", file.toString())))
        .anyMatch(p -> p.startsWith("API_KEYS_FILE: line 1"))
        .anyMatch(p -> p.startsWith("API_KEYS_FILE: line 2"));
    assertThat(
            problemsOf(Map.of("API_KEYS", "a:sk_test_0123456789abcdef,a:sk_test_0123456789abcdeg")))
        .anyMatch(p -> p.contains("two keys are named 'a'"));
  }

  @Test
  void theInMemoryStorageIsForASandboxOnly() {
    assertThat(Configuration.from(Map.of("STORAGE", "memory")).storage()).isEqualTo("memory");
    assertThat(problemsOf(with(production(), "STORAGE", "memory")))
        .anyMatch(p -> p.startsWith("STORAGE:"));
    assertThat(problemsOf(Map.of("STORAGE", "mongo"))).anyMatch(p -> p.startsWith("STORAGE:"));
  }

  @Test
  void otpCountriesAndBudgetsAreChecked() {
    assertThat(problemsOf(Map.of("OTP_ALLOWED_COUNTRIES", "MZ,XX")))
        .anyMatch(p -> p.startsWith("OTP_ALLOWED_COUNTRIES:"));
    assertThat(
            Configuration.from(Map.of("OTP_ALLOWED_COUNTRIES", "mz, za"))
                .otpPolicy()
                .allowedCountries())
        .containsExactlyInAnyOrder("MZ", "ZA");
    assertThat(
            problemsOf(Map.of("RECEIVER_LOOKUPS_PER_SECOND", "50", "RECEIVER_LOOKUP_BURST", "10")))
        .anyMatch(p -> p.startsWith("RECEIVER_LOOKUP_BURST:"));
    assertThat(problemsOf(Map.of("MANAGEMENT_PORT", "8080")))
        .anyMatch(p -> p.startsWith("MANAGEMENT_PORT:"));
  }

  @Test
  void defaultsAreAnOpenSandboxOnAnEmbeddedDatabase() {
    Configuration c = Configuration.from(Map.of());
    assertThat(c.mode()).isEqualTo(Mode.SANDBOX);
    assertThat(c.port()).isEqualTo(8080);
    assertThat(c.databaseUrl()).isEmpty();
    assertThat(c.dataDir()).isEqualTo(Path.of("./data"));
    assertThat(c.apiKeys()).isEmpty();
    assertThat(c.kyc().active()).isEqualTo("sandbox");
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
    assertThat(c.apiKeys())
        .singleElement()
        .satisfies(key -> assertThat(key.name()).isEqualTo("key1"));
  }

  @Test
  void twilioNeedsItsAccountTokenAndSender() {
    assertThatThrownBy(
            () -> Configuration.from(Map.of("SERVICE_MODE", "sandbox", "OTP_SENDER", "twilio")))
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
                "SERVICE_MODE", "sandbox",
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
                        "SERVICE_MODE", "sandbox",
                        "KYC_PROVIDER", "smile_id",
                        "SMILE_ID_PARTNER_ID", "7a",
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
                "SERVICE_MODE", "sandbox",
                "KYC_PROVIDER", "smile_id",
                "SMILE_ID_PARTNER_ID", "2345",
                "SMILE_ID_API_KEY", "smile-secret-key"));
    assertThat(smileId(c).baseUrl()).hasToString("https://testapi.smileidentity.com/v1/");
    assertThat(c.toString()).contains("partner=2345").doesNotContain("smile-secret-key");
    // Smile ID issues ids with leading zeros and signs over that exact string.
    Configuration zeros =
        Configuration.from(
            Map.of(
                "SERVICE_MODE", "sandbox",
                "KYC_PROVIDER", "smile_id",
                "SMILE_ID_PARTNER_ID", "085",
                "SMILE_ID_API_KEY", "smile-secret-key"));
    assertThat(smileId(zeros).partnerId()).isEqualTo("085");
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
            "API_KEYS", STRONG_KEY,
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
    assertThat(smileId(Configuration.from(production)).baseUrl())
        .hasToString("https://api.smileidentity.com/v1/");
  }

  /** Onfido as the active vendor, in sandbox mode, with its two tokens. */
  private static Map<String, String> onfidoSandbox(String... more) {
    return with(
        with(
            Map.of(),
            "SERVICE_MODE",
            "sandbox",
            "KYC_PROVIDER",
            "onfido",
            "ONFIDO_API_TOKEN",
            "api_sandbox.onfido-token",
            "ONFIDO_WEBHOOK_TOKEN",
            "onfido-webhook-token"),
        more);
  }

  @Test
  void onfidoTalksToItsEuropeanRegionUnlessAnotherIsNamed() {
    Configuration c = Configuration.from(onfidoSandbox());
    assertThat(c.kyc().active()).isEqualTo("onfido");
    assertThat(onfido(c).baseUrl()).hasToString("https://api.eu.onfido.com/v3.6/");
    assertThat(onfido(c).apiToken()).isEqualTo("api_sandbox.onfido-token");
    assertThat(onfido(c).webhookToken()).isEqualTo("onfido-webhook-token");
    assertThat(onfido(Configuration.from(onfidoSandbox("ONFIDO_REGION", "US"))).baseUrl())
        .hasToString("https://api.us.onfido.com/v3.6/");
    assertThat(onfido(Configuration.from(onfidoSandbox("ONFIDO_REGION", "ca"))).baseUrl())
        .hasToString("https://api.ca.onfido.com/v3.6/");
    assertThat(
            onfido(
                    Configuration.from(
                        onfidoSandbox("ONFIDO_BASE_URL", "http://127.0.0.1:9000/v3.6/")))
                .baseUrl())
        .hasToString("http://127.0.0.1:9000/v3.6/");
  }

  @Test
  void onfidoNeedsBothTokensAndAKnownRegionOrOneAddressEachNamedOnItsOwnLine() {
    assertThat(
            problemsOf(
                Map.of(
                    "SERVICE_MODE", "sandbox", "KYC_PROVIDER", "onfido", "ONFIDO_REGION", "mars")))
        .containsExactlyInAnyOrder(
            "ONFIDO_API_TOKEN: required with Onfido (or ONFIDO_API_TOKEN_FILE)",
            "ONFIDO_WEBHOOK_TOKEN: required with Onfido (or ONFIDO_WEBHOOK_TOKEN_FILE): the token"
                + " Onfido answered when the webhook to /v1/kyc/callbacks/onfido was registered",
            "ONFIDO_REGION: must be eu, us or ca, not 'mars'");
    assertThat(
            problemsOf(
                onfidoSandbox(
                    "ONFIDO_REGION", "us", "ONFIDO_BASE_URL", "http://onfido.example/v3.6")))
        .anyMatch(p -> p.startsWith("ONFIDO_BASE_URL: set ONFIDO_REGION or ONFIDO_BASE_URL"))
        .anyMatch(p -> p.startsWith("ONFIDO_BASE_URL: must end with '/'"))
        .anyMatch(p -> p.startsWith("ONFIDO_BASE_URL: must be https"));
    assertThat(
            problemsOf(onfidoSandbox("ONFIDO_API_TOKEN", "t", "ONFIDO_API_TOKEN_FILE", "/nowhere")))
        .anyMatch(p -> p.startsWith("ONFIDO_API_TOKEN: set either"));
  }

  @Test
  void onfidoTokensMayComeFromFiles(@TempDir Path dir) throws Exception {
    Path api = Files.writeString(dir.resolve("api"), "api_live.from-a-file\n");
    Path webhook = Files.writeString(dir.resolve("webhook"), "webhook-from-a-file");
    Configuration c =
        Configuration.from(
            with(
                onfidoSandbox(),
                "ONFIDO_API_TOKEN",
                null,
                "ONFIDO_WEBHOOK_TOKEN",
                null,
                "ONFIDO_API_TOKEN_FILE",
                api.toString(),
                "ONFIDO_WEBHOOK_TOKEN_FILE",
                webhook.toString()));
    assertThat(onfido(c).apiToken()).isEqualTo("api_live.from-a-file");
    assertThat(onfido(c).webhookToken()).isEqualTo("webhook-from-a-file");
  }

  @Test
  void productionRefusesMissingOnfidoSettingsALocalAddressAndASandboxToken() {
    Map<String, String> onfido =
        with(
            production(),
            "KYC_PROVIDER",
            "onfido",
            "SMILE_ID_PARTNER_ID",
            null,
            "SMILE_ID_API_KEY",
            null);
    assertThat(problemsOf(onfido))
        .containsExactlyInAnyOrder(
            "ONFIDO_API_TOKEN: required with Onfido (or ONFIDO_API_TOKEN_FILE)",
            "ONFIDO_WEBHOOK_TOKEN: required with Onfido (or ONFIDO_WEBHOOK_TOKEN_FILE): the token"
                + " Onfido answered when the webhook to /v1/kyc/callbacks/onfido was registered");
    Map<String, String> complete =
        with(onfido, "ONFIDO_API_TOKEN", "api_live.token", "ONFIDO_WEBHOOK_TOKEN", "wh-token");
    assertThat(onfido(Configuration.from(complete)).baseUrl())
        .hasToString("https://api.eu.onfido.com/v3.6/");
    assertThat(problemsOf(with(complete, "ONFIDO_API_TOKEN", "api_sandbox.token")))
        .containsExactly(
            "ONFIDO_API_TOKEN: is an Onfido sandbox token; production mode needs a live one");
    assertThat(problemsOf(with(complete, "ONFIDO_BASE_URL", "http://127.0.0.1:9000/v3.6/")))
        .containsExactly("ONFIDO_BASE_URL: must be https");
  }

  @Test
  void everyVendorWithSettingsIsBuiltSoChecksInFlightFinishWithTheVendorThatStartedThem() {
    Configuration c =
        Configuration.from(
            onfidoSandbox("SMILE_ID_PARTNER_ID", "2345", "SMILE_ID_API_KEY", "smile-secret-key"));
    KycVendors vendors = c.kyc().vendors(FileDocumentCatalogue.bundled(), Clock.systemUTC());
    assertThat(vendors.active().name()).isEqualTo("onfido");
    assertThat(vendors.named("smile_id")).isPresent();
    assertThat(vendors.named("sandbox")).as("a sandbox's own checks").isPresent();

    KycVendors production =
        Configuration.from(
                with(
                    production(),
                    "KYC_PROVIDER",
                    "onfido",
                    "ONFIDO_API_TOKEN",
                    "api_live.token",
                    "ONFIDO_WEBHOOK_TOKEN",
                    "wh-token"))
            .kyc()
            .vendors(FileDocumentCatalogue.bundled(), Clock.systemUTC());
    assertThat(production.active().name()).isEqualTo("onfido");
    assertThat(production.named("smile_id")).isPresent();
    assertThat(production.named("sandbox")).isEmpty();

    KycVendors smileIdOnly =
        Configuration.from(production())
            .kyc()
            .vendors(FileDocumentCatalogue.bundled(), Clock.systemUTC());
    assertThat(smileIdOnly.named("onfido")).isEmpty();
  }

  @Test
  void aVendorLeftHalfConfiguredIsNamedEvenWhenAnotherIsActive() {
    assertThat(problemsOf(onfidoSandbox("SMILE_ID_CALLBACK_URL", "https://us.example/cb")))
        .anyMatch(p -> p.startsWith("SMILE_ID_PARTNER_ID:"))
        .anyMatch(p -> p.startsWith("SMILE_ID_API_KEY:"));
    assertThat(problemsOf(with(Map.of(), "ONFIDO_REGION", "eu")))
        .anyMatch(p -> p.startsWith("ONFIDO_API_TOKEN:"));
  }

  @Test
  void smileIdsCallbackUrlIsHttpsInProductionAndMayBeLoopbackInASandbox() {
    Map<String, String> sandbox =
        Map.of(
            "SERVICE_MODE", "sandbox",
            "KYC_PROVIDER", "smile_id",
            "SMILE_ID_PARTNER_ID", "085",
            "SMILE_ID_API_KEY", "an-api-key-for-tests",
            "SMILE_ID_CALLBACK_URL", "http://127.0.0.1:8080/v1/kyc/callbacks/smile_id");
    assertThat(problemsOf(sandbox)).isEmpty();
    assertThat(problemsOf(with(sandbox, "SMILE_ID_CALLBACK_URL", "http://example.com/cb")))
        .anyMatch(p -> p.startsWith("SMILE_ID_CALLBACK_URL:"));
    assertThat(
            problemsOf(
                with(
                    production(),
                    "SMILE_ID_CALLBACK_URL",
                    "http://127.0.0.1:8080/v1/kyc/callbacks/smile_id")))
        .anyMatch(p -> p.equals("SMILE_ID_CALLBACK_URL: must be https"));
  }

  @Test
  void aSelfiesRequestWaitsForTheVerdictAsLongAsKycVerdictWaitSays() {
    assertThat(problemsOf(with(production(), "KYC_VERDICT_WAIT", "PT0S"))).isEmpty();
    assertThat(problemsOf(with(production(), "KYC_VERDICT_WAIT", "PT25S"))).isEmpty();
    for (String wrong : List.of("PT26S", "-PT1S", "8")) {
      assertThat(problemsOf(with(production(), "KYC_VERDICT_WAIT", wrong)))
          .as(wrong)
          .anyMatch(p -> p.startsWith("KYC_VERDICT_WAIT:"));
    }
  }

  @Test
  void aWrongVerdictWaitIsOneProblemHoweverManyVendorsAreConfigured() {
    Map<String, String> both =
        with(
            production(),
            "ONFIDO_API_TOKEN",
            "api_live.token",
            "ONFIDO_WEBHOOK_TOKEN",
            "wh-token",
            "KYC_VERDICT_WAIT",
            "PT1M");
    assertThat(problemsOf(both))
        .containsExactly(
            "KYC_VERDICT_WAIT: must be an ISO-8601 duration from PT0S to PT25S, such as PT8S");
  }

  @Test
  void aPendingCheckWaitsForItsVendorAsLongAsKycVerdictDeadlineSays() {
    assertThat(Configuration.from(production()).kycVerdictDeadline())
        .isEqualTo(Duration.ofHours(24));
    assertThat(
            Configuration.from(with(production(), "KYC_VERDICT_DEADLINE", "PT30S"))
                .kycVerdictDeadline())
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(problemsOf(with(production(), "KYC_VERDICT_DEADLINE", "P30D"))).isEmpty();
    for (String wrong : List.of("PT29S", "P31D", "24h", "-PT1H")) {
      assertThat(problemsOf(with(production(), "KYC_VERDICT_DEADLINE", wrong)))
          .as(wrong)
          .containsExactly(
              "KYC_VERDICT_DEADLINE: must be an ISO-8601 duration from PT30S to P30D, such as PT24H");
    }
  }

  @Test
  void anUnknownProviderIsNamedWithEveryKnownOne() {
    assertThat(problemsOf(Map.of("SERVICE_MODE", "sandbox", "KYC_PROVIDER", "jumio")))
        .containsExactly(
            "KYC_PROVIDER: unknown provider 'jumio' (known: sandbox, smile_id, onfido)");
  }

  @Test
  void toStringShowsNoSecret() {
    Configuration c =
        Configuration.from(
            Map.of(
                "API_KEYS", "sk_live_0123456789abcdef",
                "DATABASE_URL", "jdbc:postgresql://db/customers?user=app&password=hunter2"));
    // (a sandbox: sixteen characters are enough there)
    assertThat(c.toString()).doesNotContain("sk_live", "hunter2").contains("apiKeys=1");
    Configuration onfido =
        Configuration.from(
            onfidoSandbox("SMILE_ID_PARTNER_ID", "2345", "SMILE_ID_API_KEY", "smile-secret-key"));
    assertThat(onfido.toString())
        .contains("kyc=onfido", "https://api.eu.onfido.com/v3.6/", "partner=2345")
        .doesNotContain("api_sandbox.onfido-token", "onfido-webhook-token", "smile-secret-key");
  }
}
