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

  /** A before-handler: finds the caller's key (or answers 401) and makes it the caller. */
  public void authenticate(Context ctx) {
    ApiKey key = isOpen() ? null : find(ctx);
    ctx.attribute(KEY, key);
    calls.begin(key == null ? Actor.anonymous() : Actor.apiKey(key.name()), RequestIds.of(ctx));
  }

  /**
   * A before-matched handler: the matched route's scope must be one of the caller's. A protected
   * route that names no scope is refused to everyone: a route forgotten is closed, not open.
   */
  public void authorize(Context ctx) {
    Set<RouteRole> needed = ctx.routeRoles();
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
      byte[] offered =
          SHA_256
              .get()
              .digest(header.substring(PREFIX.length()).strip().getBytes(StandardCharsets.UTF_8));
      for (ApiKey key : keys) { // no early exit: every key is compared
        if (key.hasDigest(offered) && found == null) {
          found = key;
        }
      }
    }
    if (found == null) {
      throw new ApiException(
          401, ErrorType.AUTHENTICATION, "api_key_invalid", "Invalid API key provided", null);
    }
    return found;
  }
}
