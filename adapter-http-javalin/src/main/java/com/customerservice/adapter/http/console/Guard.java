package com.customerservice.adapter.http.console;

import com.customerservice.adapter.http.RequestIds;
import com.customerservice.application.context.PerThreadCallContext;
import com.customerservice.application.port.in.ConsoleSessionsUseCase;
import com.customerservice.domain.console.ConsoleSession;
import com.customerservice.domain.event.Actor;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What stands before every console page: the security headers on every answer, the session (or the
 * way to the sign-in page), and for every POST the request's origin and the session's form token. A
 * page then runs as the signed-in key, through the same call context as the API.
 */
final class Guard {
  static final String COOKIE = "console_session";
  static final String CSRF_FIELD = "csrf";
  static final String CSRF_HEADER = "X-CSRF-Token";
  private static final String SESSION = "customer-service.console-session";

  /**
   * Nothing from another origin, no inline script or style, no framing, forms only to this origin.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  /** Where a session may send its holder back to after signing in: a console page, nothing else. */
  private static final Pattern RETURN_PATH =
      Pattern.compile("/console/[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*(\\?[A-Za-z0-9_=&.-]*)?");

  private final ConsoleSessionsUseCase sessions;
  private final PerThreadCallContext calls;
  private final Console.Settings settings;

  Guard(ConsoleSessionsUseCase sessions, PerThreadCallContext calls, Console.Settings settings) {
    this.sessions = sessions;
    this.calls = calls;
    this.settings = settings;
  }

  /** Headers every console answer carries, assets and errors included. */
  static void headers(Context ctx) {
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Cache-Control", "no-store");
    // Not no-referrer: browsers then send "Origin: null" on this origin's own POSTs, which the
    // origin check below must refuse. same-origin still tells other sites nothing.
    ctx.header("Referrer-Policy", "same-origin");
    ctx.header("X-Content-Type-Options", "nosniff");
  }

  /**
   * A before-handler of the pages that need a session: finds it, or sends the browser to sign in;
   * checks a POST's origin and form token; makes the session's key the caller.
   */
  void requireSession(Context ctx, Pages pages) {
    Optional<ConsoleSession> session = sessions.find(ctx.cookie(COOKIE));
    if (session.isEmpty()) {
      toSignIn(ctx);
      return;
    }
    if (ctx.method().name().equals("POST")) {
      if (!sameOrigin(ctx) || !carriesToken(ctx, session.get().csrfToken())) {
        ctx.attribute(SESSION, session.get());
        pages.refused(ctx);
        ctx.skipRemainingHandlers();
        return;
      }
    }
    ctx.attribute(SESSION, session.get());
    calls.begin(Actor.apiKey(session.get().keyName()), RequestIds.of(ctx));
  }

  /** The session a guarded page runs in. */
  static ConsoleSession session(Context ctx) {
    return sessionIfAny(ctx)
        .orElseThrow(() -> new IllegalStateException("a console page ran without a session"));
  }

  /** The request's session, once found (none before sign-in, or when it was refused). */
  static Optional<ConsoleSession> sessionIfAny(Context ctx) {
    return Optional.ofNullable(ctx.attribute(SESSION));
  }

  /** To the sign-in page, coming back here afterwards (htmx follows the header, not a 303). */
  private static void toSignIn(Context ctx) {
    String back = ctx.method().name().equals("GET") ? ctx.path() : null;
    if (back != null && ctx.queryString() != null) {
      back = back + "?" + ctx.queryString();
    }
    String target =
        Console.SIGN_IN
            + (returnPath(back).isPresent()
                ? "?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8)
                : "");
    if (ctx.header("HX-Request") != null) {
      ctx.header("HX-Redirect", target).status(HttpStatus.UNAUTHORIZED);
    } else {
      ctx.redirect(target, HttpStatus.SEE_OTHER);
    }
    ctx.skipRemainingHandlers();
  }

  /** {@code next} when it names a console page (never another site), else empty. */
  static Optional<String> returnPath(String next) {
    return next != null && next.length() <= 300 && RETURN_PATH.matcher(next).matches()
        ? Optional.of(next)
        : Optional.empty();
  }

  /**
   * Whether the request comes from a page of this service: its {@code Origin} (or, from browsers
   * that send none, its {@code Referer}) names the host the request was sent to. The scheme is not
   * compared, so a proxy that ends TLS in front of the service does not refuse every form.
   */
  static boolean sameOrigin(Context ctx) {
    String host = ctx.header("Host");
    String source = ctx.header("Origin");
    if (source == null) {
      source = ctx.header("Referer");
    }
    if (host == null || source == null) {
      return false;
    }
    try {
      URI uri = new URI(source);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https"))
          && uri.getRawUserInfo() == null
          && host.equalsIgnoreCase(uri.getRawAuthority());
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static boolean carriesToken(Context ctx, String expected) {
    String offered = ctx.header(CSRF_HEADER);
    if (offered == null) {
      offered = ctx.formParam(CSRF_FIELD);
    }
    return offered != null
        && MessageDigest.isEqual(
            offered.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }

  /** The session cookie: script cannot read it, no other site sends it, only /console gets it. */
  void setCookie(Context ctx, String token) {
    ctx.header(
        "Set-Cookie",
        COOKIE
            + "="
            + token
            + "; Path="
            + Console.BASE
            + "; Max-Age="
            + ConsoleSession.LIFETIME.toSeconds()
            + "; HttpOnly; SameSite=Strict"
            + (settings.secureCookies() ? "; Secure" : ""));
  }

  void clearCookie(Context ctx) {
    ctx.header(
        "Set-Cookie",
        COOKIE
            + "=; Path="
            + Console.BASE
            + "; Max-Age=0; HttpOnly; SameSite=Strict"
            + (settings.secureCookies() ? "; Secure" : ""));
  }
}
