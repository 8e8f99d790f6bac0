package com.customerservice.bootstrap;

import com.customerservice.adapter.kyc.smileid.SmileIdSettings;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
    String host,
    int port,
    Optional<String> databaseUrl,
    Optional<String> databaseUser,
    Optional<String> databasePassword,
    int databasePoolSize,
    boolean databaseMigrate,
    Path dataDir,
    List<String> apiKeys,
    Optional<String> encryptionKeyset,
    Optional<byte[]> hmacSecret,
    String kycProvider,
    Optional<SmileId> smileId,
    Optional<Path> documentTypesFile,
    String otpSender,
    Optional<Sms> sms) {

  /** Smile ID's server-to-server API, when {@code KYC_PROVIDER=smile_id}. */
  public record SmileId(String partnerId, String apiKey, String baseUrl, String callbackUrl) {
    @Override
    public String toString() {
      return "SmileId[" + baseUrl + ", partner=" + partnerId + ", apiKey=***]";
    }
  }

  public static final String SMILE_ID = "smile_id";

  /** Twilio's Messages API, when {@code OTP_SENDER=twilio}. */
  public record Sms(String accountSid, String authToken, String from, Optional<String> baseUrl) {
    @Override
    public String toString() {
      return "Sms[account=" + accountSid + ", token=***]";
    }
  }

  public static final String SANDBOX = "sandbox";

  /** Reads the configuration from {@code env} (usually {@link System#getenv()}). */
  public static Configuration from(Map<String, String> env) {
    Map<String, String> settings = new HashMap<>();
    List<String> problems = new ArrayList<>();
    String configFile = env.get("CONFIG_FILE");
    if (configFile != null && !configFile.isBlank()) {
      try (Reader reader = Files.newBufferedReader(Path.of(configFile), StandardCharsets.UTF_8)) {
        Properties properties = new Properties();
        properties.load(reader);
        properties.forEach((k, v) -> settings.put(k.toString(), v.toString()));
      } catch (IOException e) {
        problems.add("CONFIG_FILE: cannot read " + configFile);
      }
    }
    settings.putAll(env);
    return new Checks(settings, problems).read();
  }

  public boolean isSandbox() {
    return mode == Mode.SANDBOX;
  }

  @Override
  public String toString() {
    // Secrets never appear: not the key set, not the HMAC secret, not the API keys or password.
    return "Configuration[mode="
        + mode.name().toLowerCase(Locale.ROOT)
        + ", port="
        + port
        + ", database="
        + databaseUrl.map(u -> u.replaceAll("password=[^&]*", "password=***")).orElse("embedded")
        + ", dataDir="
        + dataDir
        + ", apiKeys="
        + apiKeys.size()
        + ", kyc="
        + kycProvider
        + smileId.map(id -> " " + id).orElse("")
        + ", otp="
        + otpSender
        + "]";
  }

  /** Reads and checks one setting at a time, collecting every problem. */
  private static final class Checks {
    private final Map<String, String> settings;
    private final List<String> problems;

    Checks(Map<String, String> settings, List<String> problems) {
      this.settings = settings;
      this.problems = problems;
    }

    Configuration read() {
      Mode mode = mode();
      int port = integer("PORT", 8080, 0, 65535);
      Optional<String> databaseUrl = text("DATABASE_URL");
      databaseUrl
          .filter(url -> !url.startsWith("jdbc:postgresql://"))
          .ifPresent(url -> problems.add("DATABASE_URL: must be a jdbc:postgresql:// URL"));
      Optional<String> keyset = secretText("ENCRYPTION_KEYSET");
      Optional<byte[]> hmac = hmacSecret();
      List<String> apiKeys =
          text("API_KEYS").stream()
              .flatMap(v -> Arrays.stream(v.split(",")))
              .map(String::strip)
              .filter(k -> !k.isEmpty())
              .toList();
      apiKeys.stream()
          .filter(k -> k.length() < 16)
          .findAny()
          .ifPresent(k -> problems.add("API_KEYS: every key must be at least 16 characters"));
      String kyc = text("KYC_PROVIDER").orElse(SANDBOX).toLowerCase(Locale.ROOT);
      if (!List.of(SANDBOX, SMILE_ID).contains(kyc)) {
        problems.add("KYC_PROVIDER: unknown provider '" + kyc + "' (known: sandbox, smile_id)");
      }
      Optional<SmileId> smileId =
          kyc.equals(SMILE_ID) ? Optional.of(smileId(mode)) : Optional.empty();
      String otp = text("OTP_SENDER").orElse(SANDBOX).toLowerCase(Locale.ROOT);
      if (!List.of(SANDBOX, "log", "twilio").contains(otp)) {
        problems.add("OTP_SENDER: unknown sender '" + otp + "' (known: sandbox, log, twilio)");
      }
      Optional<Sms> sms = otp.equals("twilio") ? Optional.of(twilio()) : Optional.empty();
      if (mode == Mode.PRODUCTION) {
        if (apiKeys.isEmpty()) {
          problems.add("API_KEYS: production mode requires at least one API key");
        }
        if (databaseUrl.isEmpty()) {
          problems.add("DATABASE_URL: production mode requires a real database (no embedded one)");
        }
        if (keyset.isEmpty()) {
          problems.add(
              "ENCRYPTION_KEYSET: production mode requires a supplied Tink key set"
                  + " (ENCRYPTION_KEYSET or ENCRYPTION_KEYSET_FILE)");
        }
        if (hmac.isEmpty()) {
          problems.add(
              "HMAC_SECRET: production mode requires a supplied secret (HMAC_SECRET or HMAC_SECRET_FILE)");
        }
        if (kyc.equals(SANDBOX)) {
          problems.add("KYC_PROVIDER: production mode refuses the sandbox KYC provider");
        }
        if (otp.equals(SANDBOX) || otp.equals("log")) {
          problems.add(
              "OTP_SENDER: production mode refuses the '"
                  + otp
                  + "' sender; configure an SMS gateway");
        }
      }
      Configuration configuration =
          new Configuration(
              mode,
              text("HOST").orElse("0.0.0.0"),
              port,
              databaseUrl,
              text("DATABASE_USER"),
              text("DATABASE_PASSWORD"),
              integer("DATABASE_POOL_SIZE", 10, 1, 500),
              bool("DATABASE_MIGRATE", true),
              Path.of(text("DATA_DIR").orElse("./data")),
              apiKeys,
              keyset,
              hmac,
              kyc,
              smileId,
              text("KYC_DOCUMENT_TYPES_FILE").map(Path::of),
              otp,
              sms);
      if (!problems.isEmpty()) {
        throw new ConfigurationException(problems);
      }
      return configuration;
    }

    private SmileId smileId(Mode mode) {
      Optional<String> partnerId = text("SMILE_ID_PARTNER_ID");
      Optional<String> apiKey = secretText("SMILE_ID_API_KEY");
      if (partnerId.filter(id -> id.matches("[1-9][0-9]*")).isEmpty()) {
        problems.add(
            "SMILE_ID_PARTNER_ID: required when KYC_PROVIDER=smile_id (digits, no leading zeros)");
      }
      if (apiKey.isEmpty()) {
        problems.add(
            "SMILE_ID_API_KEY: required when KYC_PROVIDER=smile_id (or SMILE_ID_API_KEY_FILE)");
      }
      URI defaultUrl =
          mode == Mode.PRODUCTION ? SmileIdSettings.PRODUCTION : SmileIdSettings.SANDBOX;
      String baseUrl = text("SMILE_ID_BASE_URL").orElse(defaultUrl.toString());
      if (!secureOrLocal(baseUrl) || !baseUrl.endsWith("/")) {
        problems.add(
            "SMILE_ID_BASE_URL: must be https and end with '/' (or a local address for tests)");
      }
      String callback = text("SMILE_ID_CALLBACK_URL").orElse("");
      if (!callback.isEmpty() && !callback.startsWith("https://")) {
        problems.add("SMILE_ID_CALLBACK_URL: must be https");
      }
      return new SmileId(partnerId.orElse(""), apiKey.orElse(""), baseUrl, callback);
    }

    private static boolean secureOrLocal(String url) {
      return url.startsWith("https://")
          || url.startsWith("http://127.0.0.1")
          || url.startsWith("http://localhost");
    }

    private Sms twilio() {
      Optional<String> sid = text("TWILIO_ACCOUNT_SID");
      Optional<String> token = secretText("TWILIO_AUTH_TOKEN");
      Optional<String> from = text("TWILIO_FROM");
      if (sid.isEmpty()) {
        problems.add("TWILIO_ACCOUNT_SID: required when OTP_SENDER=twilio");
      }
      if (token.isEmpty()) {
        problems.add(
            "TWILIO_AUTH_TOKEN: required when OTP_SENDER=twilio (or TWILIO_AUTH_TOKEN_FILE)");
      }
      if (from.isEmpty()) {
        problems.add(
            "TWILIO_FROM: required when OTP_SENDER=twilio (a sender number or an MG… messaging service)");
      }
      Optional<String> baseUrl = text("TWILIO_BASE_URL");
      baseUrl
          .filter(u -> !secureOrLocal(u))
          .ifPresent(
              u -> problems.add("TWILIO_BASE_URL: must be https (or a local address for tests)"));
      return new Sms(sid.orElse(""), token.orElse(""), from.orElse(""), baseUrl);
    }

    private Mode mode() {
      String raw = text("SERVICE_MODE").orElse(SANDBOX).toLowerCase(Locale.ROOT);
      return switch (raw) {
        case SANDBOX -> Mode.SANDBOX;
        case "production" -> Mode.PRODUCTION;
        default -> {
          problems.add("SERVICE_MODE: must be 'sandbox' or 'production', not '" + raw + "'");
          yield Mode.PRODUCTION; // the strictest checks apply to a mistyped mode
        }
      };
    }

    private Optional<String> text(String name) {
      return Optional.ofNullable(settings.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** A secret given inline ({@code NAME}) or as a file ({@code NAME_FILE}), never both. */
    private Optional<String> secretText(String name) {
      Optional<String> inline = text(name);
      Optional<String> file = text(name + "_FILE");
      if (inline.isPresent() && file.isPresent()) {
        problems.add(name + ": set either " + name + " or " + name + "_FILE, not both");
        return inline;
      }
      if (file.isPresent()) {
        try {
          return Optional.of(Files.readString(Path.of(file.get()), StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
          problems.add(name + "_FILE: cannot read " + file.get());
          return Optional.empty();
        }
      }
      return inline;
    }

    private Optional<byte[]> hmacSecret() {
      Optional<String> raw = secretText("HMAC_SECRET");
      if (raw.isEmpty()) {
        return Optional.empty();
      }
      try {
        byte[] secret = Base64.getDecoder().decode(raw.get());
        if (secret.length < 32) {
          problems.add("HMAC_SECRET: must be base64 of at least 32 random bytes");
          return Optional.empty();
        }
        return Optional.of(secret);
      } catch (IllegalArgumentException e) {
        problems.add("HMAC_SECRET: must be base64 (e.g. openssl rand -base64 32)");
        return Optional.empty();
      }
    }

    private int integer(String name, int fallback, int min, int max) {
      Optional<String> raw = text(name);
      if (raw.isEmpty()) {
        return fallback;
      }
      try {
        int value = Integer.parseInt(raw.get());
        if (value < min || value > max) {
          problems.add(name + ": must be between " + min + " and " + max);
          return fallback;
        }
        return value;
      } catch (NumberFormatException e) {
        problems.add(name + ": must be a whole number");
        return fallback;
      }
    }

    private boolean bool(String name, boolean fallback) {
      Optional<String> raw = text(name).map(v -> v.toLowerCase(Locale.ROOT));
      if (raw.isEmpty()) {
        return fallback;
      }
      if (!raw.get().equals("true") && !raw.get().equals("false")) {
        problems.add(name + ": must be true or false");
        return fallback;
      }
      return Boolean.parseBoolean(raw.get());
    }
  }
}
