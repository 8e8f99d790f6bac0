package com.customerservice.adapter.http.auth;

import com.customerservice.adapter.http.RequestIds;
import com.customerservice.adapter.http.error.ApiException;
import com.customerservice.adapter.http.error.ErrorType;
import com.customerservice.application.context.PerThreadCallContext;
import com.customerservice.domain.event.Actor;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Bearer API keys and their scopes. A key is found by the SHA-256 digest of the offered secret,
 * compared with every configured digest in constant time, so neither a secret's content nor its
 * length leaks through timing. The key's name becomes the caller of the use cases the request runs
 * (rate limits, audit trail). With no key configured the API is open to an anonymous caller with
 * every scope (bootstrap allows that only in sandbox mode).
 */
public final class ApiKeys {
  private static final String PREFIX = "Bearer ";
  private static final String KEY = "customer-service.api-key";

  /** One digest per thread: looking the algorithm up per request showed in the GET profile. */
  private static final ThreadLocal<MessageDigest> SHA_256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("SHA-256 is not available in this JVM", e);
            }
          });

  private final List<ApiKey> keys;
  private final PerThreadCallContext calls;

  public ApiKeys(List<ApiKey> keys, PerThreadCallContext calls) {
    this.keys = List.copyOf(keys);
    this.calls = calls;
    Set<String> names = new HashSet<>();
    for (ApiKey key : keys) {
      if (!names.add(key.name())) {
        throw new IllegalArgumentException("two API keys are named " + key.name());
      }
    }
  }

  public boolean isOpen() {
    return keys.isEmpty();
  }

  /**
   * A before-handler: finds the caller's key (or answers 401) and makes it the caller. Vendors'
   * callbacks carry no key: their signatures are checked by the vendor's client instead.
   */
  public void authenticate(Context ctx) {
    ApiKey key = isOpen() || ctx.path().startsWith(Access.CALLBACKS) ? null : find(ctx);
    ctx.attribute(KEY, key);
    calls.begin(key == null ? Actor.anonymous() : Actor.apiKey(key.name()), RequestIds.of(ctx));
  }

  /**
   * A before-matched handler: the matched route's scope must be one of the caller's. A protected
   * route that names no scope is refused to everyone: a route forgotten is closed, not open.
   */
  public void authorize(Context ctx) {
    Set<RouteRole> needed = ctx.routeRoles();
    if (needed.contains(Access.VENDOR_SIGNED)) {
      return;
    }
    boolean protectedPath = ctx.path().startsWith("/v1/") || ctx.path().startsWith("/files/");
    if (isOpen() || (needed.isEmpty() && !protectedPath)) {
      return;
    }
    if (needed.isEmpty()) {
      throw insufficientScope("a scope");
    }
    ApiKey key = ctx.attribute(KEY);
    Set<Scope> held = key == null ? EnumSet.noneOf(Scope.class) : key.scopes();
    for (RouteRole role : needed) {
      if (!held.contains(role)) {
        throw insufficientScope("the '" + ((Scope) role).code() + "' scope");
      }
    }
  }

  private static ApiException insufficientScope(String what) {
    return new ApiException(
        403,
        ErrorType.AUTHENTICATION,
        "insufficient_scope",
        "This API key lacks " + what + " this request needs",
        null);
  }

  /**
   * The key whose secret is {@code secret}, compared with every configured key in constant time (as
   * for a bearer key): for the console's sign-in, which takes the key in a form.
   */
  public Optional<ApiKey> findBySecret(String secret) {
    byte[] offered = SHA_256.get().digest(secret.getBytes(StandardCharsets.UTF_8));
    ApiKey found = null;
    for (ApiKey key : keys) { // no early exit: every key is compared
      if (key.hasDigest(offered) && found == null) {
        found = key;
      }
    }
    return Optional.ofNullable(found);
  }

  /** An after-handler: the thread serves no call any more. */
  public void release(Context ctx) {
    calls.end();
  }

  private ApiKey find(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || header.isBlank()) {
      throw new ApiException(
          401,
          ErrorType.AUTHENTICATION,
          "api_key_missing",
          "No API key provided: send 'Authorization: Bearer <key>'",
          null);
    }
    ApiKey found = null;
    if (header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      found = findBySecret(header.substring(PREFIX.length()).strip()).orElse(null);
    }
    if (found == null) {
      throw new ApiException(
          401, ErrorType.AUTHENTICATION, "api_key_invalid", "Invalid API key provided", null);
    }
    return found;
  }
}
