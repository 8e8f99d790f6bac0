package com.customerservice.domain.event;

import com.customerservice.domain.shared.Coded;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who made a change or a request: an API key by its name (never its secret), a KYC provider by its
 * name, or the service itself. Rate limits are counted per actor and the audit trail names it.
 */
public record Actor(Type type, String name) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  /** The kinds of actor. */
  public enum Type implements Coded {
    API_KEY,
    KYC_PROVIDER,
    SYSTEM;

    @Override
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Actor {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "an actor's name is 1 to 64 letters, digits, '.', '_' or '-': " + name.length());
    }
  }

  /** The caller of an API that requires no key (a sandbox without API keys). */
  public static Actor anonymous() {
    return new Actor(Type.API_KEY, "anonymous");
  }

  public static Actor apiKey(String name) {
    return new Actor(Type.API_KEY, name);
  }

  public static Actor kycProvider(String name) {
    return new Actor(Type.KYC_PROVIDER, name);
  }

  /** The service's background work (polls, deadlines, deliveries): what no caller asked for. */
  public static Actor scheduler() {
    return new Actor(Type.SYSTEM, "scheduler");
  }

  /** Whether {@code name} may name an actor (an API key's name, say). */
  public static boolean isValidName(String name) {
    return name != null && NAME.matcher(name).matches();
  }
}
