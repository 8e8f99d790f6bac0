package com.customerservice.bootstrap;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The raw settings (environment and config file) and the problems found reading them: every reader
 * notes a problem and goes on, so that start-up reports all of them at once, one line each.
 */
final class Settings {
  /** The hosts a sandbox may reach over plain HTTP (local fakes of vendors, local receivers). */
  static final Set<String> LOCAL_HOSTS = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

  private final Map<String, String> values;
  private final List<String> problems = new ArrayList<>();

  Settings(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  void problem(String setting, String message) {
    problems.add(setting + ": " + message);
  }

  List<String> problems() {
    return List.copyOf(problems);
  }

  boolean isSet(String name) {
    return text(name).isPresent();
  }

  /** Whether any setting whose name starts with {@code prefix} is set. */
  boolean anySet(String prefix) {
    return values.keySet().stream().anyMatch(name -> name.startsWith(prefix) && isSet(name));
  }

  /** How many problems have been noted so far: a reader compares before and after. */
  int problemCount() {
    return problems.size();
  }

  Optional<String> text(String name) {
    return Optional.ofNullable(values.get(name)).map(String::strip).filter(v -> !v.isEmpty());
  }

  /** A secret given inline ({@code NAME}) or as a file ({@code NAME_FILE}), never both. */
  Optional<String> secretText(String name) {
    Optional<String> inline = text(name);
    Optional<String> file = text(name + "_FILE");
    if (inline.isPresent() && file.isPresent()) {
      problem(name, "set either " + name + " or " + name + "_FILE, not both");
      return inline;
    }
    return file.isPresent() ? fileText(name + "_FILE", file.get()) : inline;
  }

  Optional<String> fileText(String setting, String path) {
    try {
      return Optional.of(Files.readString(Path.of(path), StandardCharsets.UTF_8).strip());
    } catch (IOException e) {
      problem(setting, "cannot read " + path);
      return Optional.empty();
    }
  }

  int integer(String name, int fallback, int min, int max) {
    return (int) number(name, fallback, min, max);
  }

  long number(String name, long fallback, long min, long max) {
    Optional<String> raw = text(name);
    if (raw.isEmpty()) {
      return fallback;
    }
    try {
      long value = Long.parseLong(raw.get());
      if (value < min || value > max) {
        problem(name, "must be between " + min + " and " + max);
        return fallback;
      }
      return value;
    } catch (NumberFormatException e) {
      problem(name, "must be a whole number");
      return fallback;
    }
  }

  /**
   * An ISO-8601 duration ({@code PT8S}, {@code PT24H}, {@code P30D}) from {@code min} to {@code
   * max}; {@code fallback} when absent or out of bounds.
   */
  Duration duration(String name, Duration fallback, Duration min, Duration max) {
    Optional<String> raw = text(name);
    if (raw.isEmpty()) {
      return fallback;
    }
    try {
      Duration value = Duration.parse(raw.get());
      if (value.compareTo(min) >= 0 && value.compareTo(max) <= 0) {
        return value;
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    problem(
        name,
        "must be an ISO-8601 duration from "
            + iso(min)
            + " to "
            + iso(max)
            + ", such as "
            + iso(fallback));
    return fallback;
  }

  /** A bound as people write it: whole days beyond one as days ({@code P30D}), the rest in time. */
  private static String iso(Duration duration) {
    long days = duration.toDays();
    return days > 1 && duration.equals(Duration.ofDays(days))
        ? "P" + days + "D"
        : duration.toString();
  }

  boolean bool(String name, boolean fallback) {
    Optional<String> raw = text(name).map(v -> v.toLowerCase(Locale.ROOT));
    if (raw.isEmpty()) {
      return fallback;
    }
    if (!raw.get().equals("true") && !raw.get().equals("false")) {
      problem(name, "must be true or false");
      return fallback;
    }
    return Boolean.parseBoolean(raw.get());
  }

  /**
   * A vendor's address, parsed rather than prefix-matched: https, or plain http to a local host
   * only where {@code localAllowed} (a sandbox talking to local fakes); no user info (which makes
   * {@code http://127.0.0.1@attacker.example} a request to attacker.example), no fragment.
   */
  Optional<URI> vendorUrl(String name, String value, boolean localAllowed) {
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      problem(name, "is not a valid URL");
      return Optional.empty();
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost();
    boolean local = host != null && LOCAL_HOSTS.contains(host.toLowerCase(Locale.ROOT));
    if (host == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
      problem(name, "must be an absolute URL with a host, and no user info or fragment");
      return Optional.empty();
    }
    if (!scheme.equals("https") && !(scheme.equals("http") && local && localAllowed)) {
      problem(
          name,
          localAllowed
              ? "must be https (or http to 127.0.0.1 or localhost, for local tests)"
              : "must be https");
      return Optional.empty();
    }
    return Optional.of(uri);
  }
}
