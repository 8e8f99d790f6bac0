package com.customerservice.adapter.http.console;

import com.customerservice.adapter.http.auth.ApiKey;
import com.customerservice.adapter.http.auth.ApiKeys;
import com.customerservice.adapter.http.auth.Scope;
import com.customerservice.adapter.http.error.ErrorResponses;
import com.customerservice.application.port.in.ConsoleSessionsUseCase;
import com.customerservice.domain.error.RateLimitedException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.Optional;

/**
 * Signing in with an API key that has the {@code back_office} scope, and signing out. A service
 * without API keys (an open sandbox) has no console: its decisions would name nobody.
 */
final class SignInPages {
  static final String KEY_FIELD = "api_key";

  private final ApiKeys keys;
  private final ConsoleSessionsUseCase sessions;
  private final Guard guard;
  private final Pages pages;

  SignInPages(ApiKeys keys, ConsoleSessionsUseCase sessions, Guard guard, Pages pages) {
    this.keys = keys;
    this.sessions = sessions;
    this.guard = guard;
    this.pages = pages;
  }

  void register(RoutesConfig routes) {
    routes.get(Console.SIGN_IN, pages.page(this::form));
    routes.post(Console.SIGN_IN, pages.page(this::signIn));
    routes.get(Console.SIGN_OUT, pages.page(this::confirm));
    routes.post(Console.SIGN_OUT, pages.page(this::signOut));
  }

  private void form(Context ctx) {
    if (!keys.isOpen() && sessions.find(ctx.cookie(Guard.COOKIE)).isPresent()) {
      ctx.redirect(next(ctx.queryParam("next")), HttpStatus.SEE_OTHER);
      return;
    }
    String notice = ctx.queryParam("signed_out") != null ? "You have signed out." : null;
    show(ctx, keys.isOpen() ? 403 : 200, null, notice);
  }

  private void signIn(Context ctx) {
    if (keys.isOpen()) {
      show(ctx, 403, null, null);
      return;
    }
    if (!Guard.sameOrigin(ctx)) {
      show(
          ctx, 403, "This form did not come from this console. Open the sign-in page again.", null);
      return;
    }
    try {
      sessions.admitSignInAttempt(ctx.ip());
    } catch (RateLimitedException e) {
      e.retryAfter().ifPresent(w -> ctx.header("Retry-After", ErrorResponses.retryAfterSeconds(w)));
      show(ctx, 429, e.getMessage() + ".", null);
      return;
    }
    String secret = Optional.ofNullable(ctx.formParam(KEY_FIELD)).orElse("").strip();
    if (secret.isEmpty()) {
      show(ctx, 400, "Enter your API key.", null);
      return;
    }
    Optional<ApiKey> key = keys.findBySecret(secret);
    if (key.isEmpty()) {
      show(ctx, 401, "That API key is not known to this service.", null);
      return;
    }
    if (!key.get().scopes().contains(Scope.BACK_OFFICE)) {
      show(
          ctx,
          403,
          "This API key cannot sign in to the console: it lacks the back_office scope. Use a"
              + " back-office key.",
          null);
      return;
    }
    var signedIn = sessions.signIn(key.get().name());
    guard.setCookie(ctx, signedIn.token());
    ctx.redirect(next(ctx.formParam("next")), HttpStatus.SEE_OTHER);
  }

  /** Without script, the "Sign out" link leads here: a button, since a GET changes nothing. */
  private void confirm(Context ctx) {
    pages.render(
        ctx, 200, "signOut", Map.of("frame", pages.frame(ctx, "Sign out", Frame.Section.NONE)));
  }

  private void signOut(Context ctx) {
    sessions.signOut(ctx.cookie(Guard.COOKIE));
    guard.clearCookie(ctx);
    String target = Console.SIGN_IN + "?signed_out=1";
    if (Pages.isHtmx(ctx)) {
      ctx.header("HX-Redirect", target).status(204);
    } else {
      ctx.redirect(target, HttpStatus.SEE_OTHER);
    }
  }

  private void show(Context ctx, int status, String error, String notice) {
    String next =
        Guard.returnPath(ctx.queryParam("next"))
            .or(() -> Guard.returnPath(ctx.formParam("next")))
            .orElse(null);
    pages.render(
        ctx,
        status,
        "signIn",
        Map.of(
            "frame",
            pages.anonymousFrame("Sign in"),
            "form",
            new Views.SignIn(error, notice, next, keys.isOpen())));
  }

  private static String next(String requested) {
    return Guard.returnPath(requested).orElse(Console.QUEUE);
  }
}
