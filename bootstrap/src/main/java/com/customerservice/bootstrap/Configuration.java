package com.customerservice.bootstrap;

import com.customerservice.adapter.http.auth.ApiKey;
import com.customerservice.adapter.http.request.Uploads;
import com.customerservice.application.service.GetReceiverService;
import com.customerservice.domain.idempotency.IdempotencyPolicy;
import com.customerservice.domain.kyc.KycCheck;
import com.customerservice.domain.limit.RateLimit;
import com.customerservice.domain.shared.HmacKey;
import com.customerservice.domain.verification.OtpSendPolicy;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Every setting of the service, read from environment variables (a {@code CONFIG_FILE} of {@code
 * KEY=value} lines may add to them; the environment wins) and validated at once: all problems are
 * reported together, one line each, naming the setting.
 */
public record Configuration(
    Mode mode,
    String storage,
    String host,
    int port,
    Optional<Integer> managementPort,
    Optional<String> databaseUrl,
    Optional<String> databaseUser,
    Optional<String> databasePassword,
    int databasePoolSize,
    boolean databaseMigrate,
    Path dataDir,
    List<ApiKey> apiKeys,
    Optional<String> encryptionKeyset,
    Optional<byte[]> hmacSecret,
    KycProviders kyc,
    Optional<Path> documentTypesFile,
    String otpSender,
    Optional<Sms> sms,
    OtpSendPolicy otpPolicy,
    RateLimit receiverLookups,
    Uploads.Limits uploads,
    IdempotencyPolicy idempotency,
    Duration kycVerdictDeadline) {

  /** Twilio's Messages API, when {@code OTP_SENDER=twilio}. */
  public record Sms(String accountSid, String authToken, String from, Optional<String> baseUrl) {
    @Override
    public String toString() {
      return "Sms[account=" + accountSid + ", token=***]";
    }
  }

  public static final String SANDBOX = "sandbox";
  public static final String TWILIO = "twilio";
  public static final String POSTGRES = "postgres";
  public static final String MEMORY = "memory";

  /** Reads the configuration from {@code env} (usually {@link System#getenv()}). */
  public static Configuration from(Map<String, String> env) {
    Map<String, String> values = new HashMap<>();
    List<String> fileProblems = new ArrayList<>();
    String configFile = env.get("CONFIG_FILE");
    if (configFile != null && !configFile.isBlank()) {
      try (Reader reader = Files.newBufferedReader(Path.of(configFile), StandardCharsets.UTF_8)) {
        Properties properties = new Properties();
        properties.load(reader);
        properties.forEach((k, v) -> values.put(k.toString(), v.toString()));
      } catch (IOException e) {
        fileProblems.add("CONFIG_FILE: cannot read " + configFile);
      }
    }
    values.putAll(env);
    Settings settings = new Settings(values);
    Configuration configuration = new Checks(settings).read();
    List<String> problems = new ArrayList<>(fileProblems);
    problems.addAll(settings.problems());
    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems);
    }
    return configuration;
  }

  public boolean isSandbox() {
    return mode == Mode.SANDBOX;
  }

  /**
   * Whether the initiate response carries the code: only when the sender is the sandbox's, which
   * sends nothing. A real SMS gateway never has its code disclosed, in any mode.
   */
  public boolean disclosesCodes() {
    return otpSender.equals(SANDBOX);
  }

  @Override
  public String toString() {
    // Secrets never appear: not the key set, not the HMAC secret, not the API keys or password.
    return "Configuration[mode="
        + mode.name().toLowerCase(Locale.ROOT)
        + ", port="
        + port
        + managementPort.map(p -> ", managementPort=" + p).orElse("")
        + ", storage="
        + (storage.equals(MEMORY)
            ? MEMORY
            : databaseUrl
                .map(u -> u.replaceAll("password=[^&]*", "password=***"))
                .orElse("embedded"))
        + ", dataDir="
        + dataDir
        + ", apiKeys="
        + apiKeys.size()
        + ", kyc="
        + kyc
        + ", otp="
        + otpSender
        + "]";
  }

  /** Reads and checks one group of settings at a time; {@link Settings} collects the problems. */
  private static final class Checks {
    private final Settings settings;

    Checks(Settings settings) {
      this.settings = settings;
    }

    Configuration read() {
      Mode mode = mode();
      int port = settings.integer("PORT", 8080, 0, 65535);
      Optional<Integer> managementPort = managementPort(port);
      Optional<String> databaseUrl = settings.text("DATABASE_URL");
      databaseUrl
          .filter(url -> !url.startsWith("jdbc:postgresql://"))
          .ifPresent(url -> settings.problem("DATABASE_URL", "must be a jdbc:postgresql:// URL"));
      Optional<String> keyset = settings.secretText("ENCRYPTION_KEYSET");
      Optional<byte[]> hmac = hmacSecret(mode);
      List<ApiKey> apiKeys = ApiKeySettings.read(settings, mode);
      KycProviders kyc = KycProviders.read(settings, mode);
      OtpSettings otpSettings = OtpSettings.read(settings, mode);
      String otp = otpSettings.sender();
      requireExplicitModeWithRealProviders(kyc, otp);
      if (mode == Mode.PRODUCTION) {
        productionChecks(apiKeys, databaseUrl, keyset, hmac, otp);
      }
      return new Configuration(
          mode,
          storage(mode),
          settings.text("HOST").orElse("0.0.0.0"),
          port,
          managementPort,
          databaseUrl,
          settings.text("DATABASE_USER"),
          settings.text("DATABASE_PASSWORD"),
          settings.integer("DATABASE_POOL_SIZE", 10, 1, 500),
          settings.bool("DATABASE_MIGRATE", true),
          Path.of(settings.text("DATA_DIR").orElse("./data")),
          apiKeys,
          keyset,
          hmac,
          kyc,
          settings.text("KYC_DOCUMENT_TYPES_FILE").map(Path::of),
          otp,
          otpSettings.sms(),
          otpSettings.policy(),
          receiverLookups(),
          uploads(),
          idempotency(),
          settings.duration(
              "KYC_VERDICT_DEADLINE",
              KycCheck.DEFAULT_VERDICT_DEADLINE,
              Duration.ofSeconds(30),
              Duration.ofDays(30)));
    }

    /** How long a running request holds its idempotency key, and how long answers are kept. */
    private IdempotencyPolicy idempotency() {
      long claim =
          settings.number(
              "IDEMPOTENCY_CLAIM_SECONDS",
              IdempotencyPolicy.DEFAULT_CLAIM.toSeconds(),
              1,
              IdempotencyPolicy.DEFAULT_RETENTION.toSeconds());
      return new IdempotencyPolicy(Duration.ofSeconds(claim), IdempotencyPolicy.DEFAULT_RETENTION);
    }

    /**
     * Real vendors configured without a mode would start a sandbox (an open API, codes in
     * responses, generated secrets) with real SMS and KYC behind it; refusing to start costs the
     * operator one line, a warning in a log is too easy to miss.
     */
    private void requireExplicitModeWithRealProviders(KycProviders kyc, String otp) {
      if (!settings.isSet("SERVICE_MODE") && (otp.equals(TWILIO) || !kyc.isSandbox())) {
        settings.problem(
            "SERVICE_MODE",
            "must be set (production or sandbox) when a real SMS or KYC provider is configured");
      }
    }

    private void productionChecks(
        List<ApiKey> apiKeys,
        Optional<String> databaseUrl,
        Optional<String> keyset,
        Optional<byte[]> hmac,
        String otp) {
      if (apiKeys.isEmpty() && !settings.isSet("API_KEYS") && !settings.isSet("API_KEYS_FILE")) {
        settings.problem("API_KEYS", "production mode requires at least one API key");
      }
      if (databaseUrl.isEmpty()) {
        settings.problem(
            "DATABASE_URL", "production mode requires a real database (no embedded one)");
      }
      if (keyset.isEmpty()) {
        settings.problem(
            "ENCRYPTION_KEYSET",
            "production mode requires a supplied Tink key set"
                + " (ENCRYPTION_KEYSET or ENCRYPTION_KEYSET_FILE)");
      }
      if (hmac.isEmpty() && !settings.isSet("HMAC_SECRET") && !settings.isSet("HMAC_SECRET_FILE")) {
        settings.problem(
            "HMAC_SECRET",
            "production mode requires a supplied secret (HMAC_SECRET or HMAC_SECRET_FILE)");
      }
      if (otp.equals(SANDBOX) || otp.equals("log")) {
        settings.problem(
            "OTP_SENDER",
            "production mode refuses the '" + otp + "' sender; configure an SMS gateway");
      }
    }

    /** PostgreSQL, or memory for a demo: nothing survives a restart, so never in production. */
    private String storage(Mode mode) {
      String storage = settings.text("STORAGE").orElse(POSTGRES).toLowerCase(Locale.ROOT);
      if (!List.of(POSTGRES, MEMORY).contains(storage)) {
        settings.problem("STORAGE", "must be 'postgres' or 'memory'");
        return POSTGRES;
      }
      if (storage.equals(MEMORY) && mode == Mode.PRODUCTION) {
        settings.problem("STORAGE", "production mode refuses the in-memory storage");
      }
      return storage;
    }

    private Optional<Integer> managementPort(int apiPort) {
      if (!settings.isSet("MANAGEMENT_PORT")) {
        return Optional.empty();
      }
      int port = settings.integer("MANAGEMENT_PORT", 0, 0, 65535);
      if (port != 0 && port == apiPort) {
        settings.problem("MANAGEMENT_PORT", "must differ from PORT");
      }
      return Optional.of(port);
    }

    private RateLimit receiverLookups() {
      long rate =
          settings.number(
              "RECEIVER_LOOKUPS_PER_SECOND", GetReceiverService.DEFAULT_RATE, 1, 1_000_000);
      long burst =
          settings.number(
              "RECEIVER_LOOKUP_BURST",
              Math.max(rate, GetReceiverService.DEFAULT_BURST),
              1,
              10_000_000);
      if (burst < rate) {
        settings.problem("RECEIVER_LOOKUP_BURST", "must be at least RECEIVER_LOOKUPS_PER_SECOND");
        burst = rate;
      }
      return GetReceiverService.lookupsPerSecond(rate, burst);
    }

    /** Pixel caps per purpose, the memory uploads in flight may take, decodes at once. */
    private Uploads.Limits uploads() {
      Uploads.Limits defaults = Uploads.Limits.defaults();
      long minimumBudgetMb = defaults.memoryBudgetBytes() / (1024 * 1024);
      long budgetMb = settings.number("UPLOAD_MEMORY_BUDGET_MB", minimumBudgetMb, 1, 1_000_000);
      long floorMb = Uploads.Limits.minimumMemoryBudgetBytes() / (1024 * 1024) + 1;
      if (budgetMb < floorMb) {
        settings.problem(
            "UPLOAD_MEMORY_BUDGET_MB",
            "must be at least " + floorMb + " (one upload of the largest size)");
        budgetMb = floorMb;
      }
      return new Uploads.Limits(
          settings.number("IMAGE_MAX_PIXELS_KYC", defaults.kycMaxPixels(), 1_000_000, 100_000_000),
          settings.number(
              "IMAGE_MAX_PIXELS_PROFILE", defaults.profileMaxPixels(), 1_000_000, 100_000_000),
          budgetMb * 1024 * 1024,
          settings.integer("IMAGE_DECODE_CONCURRENCY", defaults.concurrentDecodes(), 1, 64),
          defaults.patience());
    }

    private Mode mode() {
      String raw = settings.text("SERVICE_MODE").orElse(SANDBOX).toLowerCase(Locale.ROOT);
      return switch (raw) {
        case SANDBOX -> Mode.SANDBOX;
        case "production" -> Mode.PRODUCTION;
        default -> {
          settings.problem(
              "SERVICE_MODE", "must be 'sandbox' or 'production', not '" + Echoes.cut(raw) + "'");
          yield Mode.PRODUCTION; // the strictest checks apply to a mistyped mode
        }
      };
    }

    private Optional<byte[]> hmacSecret(Mode mode) {
      Optional<String> raw = settings.secretText("HMAC_SECRET");
      if (raw.isEmpty()) {
        return Optional.empty();
      }
      byte[] secret;
      try {
        secret = Base64.getDecoder().decode(raw.get());
      } catch (IllegalArgumentException e) {
        settings.problem("HMAC_SECRET", "must be base64 (e.g. openssl rand -base64 32)");
        return Optional.empty();
      }
      if (secret.length < HmacKey.MIN_LENGTH) {
        settings.problem("HMAC_SECRET", "must be base64 of at least 32 random bytes");
        return Optional.empty();
      }
      if (mode == Mode.PRODUCTION && SecretStrength.bits(secret) < SecretStrength.MIN_SECRET_BITS) {
        settings.problem(
            "HMAC_SECRET",
            "is not random enough for production (e.g. all zeros); use openssl rand -base64 32");
        return Optional.empty();
      }
      return Optional.of(secret);
    }
  }
}
