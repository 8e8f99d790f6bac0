package com.customerservice.bootstrap;

import com.customerservice.adapter.http.auth.ApiKey;
import com.customerservice.adapter.http.auth.Scope;
import com.customerservice.domain.event.Actor;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The API keys of {@code API_KEYS} ({@code name:secret} entries, every scope; a bare secret is
 * named {@code key1}, {@code key2}, …) and of {@code API_KEYS_FILE} (lines of {@code name
 * scope[,scope] sha256:<hex>}: restricted keys whose secrets are not stored). Production holds the
 * secrets of {@code API_KEYS} to {@link SecretStrength}'s floor.
 */
final class ApiKeySettings {
  private static final Pattern DIGEST = Pattern.compile("sha256:([0-9a-fA-F]{64})");
  private static final int MIN_SANDBOX_LENGTH = 16;

  private ApiKeySettings() {}

  static List<ApiKey> read(Settings settings, Mode mode) {
    List<ApiKey> keys = new ArrayList<>(inline(settings, mode));
    settings
        .text("API_KEYS_FILE")
        .flatMap(path -> settings.fileText("API_KEYS_FILE", path))
        .ifPresent(text -> keys.addAll(fromFile(settings, text)));
    Set<String> names = new HashSet<>();
    for (ApiKey key : keys) {
      if (!names.add(key.name())) {
        settings.problem("API_KEYS", "two keys are named '" + key.name() + "'");
      }
    }
    return keys;
  }

  private static List<ApiKey> inline(Settings settings, Mode mode) {
    List<ApiKey> keys = new ArrayList<>();
    int bare = 0;
    for (String entry : settings.text("API_KEYS").map(v -> v.split(",")).orElse(new String[0])) {
      String trimmed = entry.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      int colon = trimmed.indexOf(':');
      boolean named = colon > 0 && Actor.isValidName(trimmed.substring(0, colon));
      String name = named ? trimmed.substring(0, colon) : "key" + (++bare);
      String secret = named ? trimmed.substring(colon + 1) : trimmed;
      if (strongEnough(settings, name, secret, mode)) {
        keys.add(ApiKey.allScopes(name, secret));
      }
    }
    return keys;
  }

  private static boolean strongEnough(Settings settings, String name, String secret, Mode mode) {
    if (mode == Mode.PRODUCTION) {
      if (secret.length() < SecretStrength.MIN_KEY_LENGTH
          || SecretStrength.bits(secret) < SecretStrength.MIN_KEY_BITS) {
        settings.problem(
            "API_KEYS",
            "key '"
                + name
                + "' is too short or too guessable for production: use at least "
                + SecretStrength.MIN_KEY_LENGTH
                + " random characters (e.g. openssl rand -base64 32)");
        return false;
      }
    } else if (secret.length() < MIN_SANDBOX_LENGTH) {
      settings.problem(
          "API_KEYS", "key '" + name + "' must be at least " + MIN_SANDBOX_LENGTH + " characters");
      return false;
    }
    return true;
  }

  private static List<ApiKey> fromFile(Settings settings, String text) {
    List<ApiKey> keys = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Optional<ApiKey> key = parseLine(line);
      if (key.isPresent()) {
        keys.add(key.get());
      } else {
        settings.problem(
            "API_KEYS_FILE",
            "line "
                + (i + 1)
                + ": expected 'name scope[,scope] sha256:<64 hex digits>' with scopes"
                + " customers and back_office");
      }
    }
    return keys;
  }

  private static Optional<ApiKey> parseLine(String line) {
    String[] fields = line.split("\\s+");
    if (fields.length != 3 || !Actor.isValidName(fields[0])) {
      return Optional.empty();
    }
    Set<Scope> scopes = EnumSet.noneOf(Scope.class);
    for (String code : fields[1].split(",")) {
      Optional<Scope> scope = Scope.parse(code);
      if (scope.isEmpty()) {
        return Optional.empty();
      }
      scopes.add(scope.get());
    }
    var digest = DIGEST.matcher(fields[2]);
    if (!digest.matches()) {
      return Optional.empty();
    }
    return Optional.of(ApiKey.ofDigest(fields[0], scopes, digest.group(1)));
  }
}
