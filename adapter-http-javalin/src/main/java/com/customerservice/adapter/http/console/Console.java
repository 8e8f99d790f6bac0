package com.customerservice.adapter.http.console;

import com.customerservice.adapter.http.auth.ApiKeys;
import com.customerservice.application.UseCases;
import com.customerservice.application.context.PerThreadCallContext;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpStatus;

/**
 * The back-office console at {@code /console}: pages for the people who review KYC cases and answer
 * customers, rendered by the server from templates compiled into this jar, over the same use cases
 * as the API. A {@code back_office} key signs in; a server-side session (its token in an {@code
 * HttpOnly}, {@code SameSite=Strict} cookie) then acts as that key, so the audit trail names the
 * reviewer. Every answer carries a strict Content-Security-Policy; every form its session's token.
 */
public final class Console {
  public static final String BASE = "/console";
  static final String SIGN_IN = BASE + "/sign-in";
  static final String SIGN_OUT = BASE + "/sign-out";
  static final String ASSETS = BASE + "/assets/";
  static final String QUEUE = BASE + "/reviews";

  /** How the console's cookie is sent: {@code Secure} (https only) in production. */
  public record Settings(boolean secureCookies) {
    public static Settings sandbox() {
      return new Settings(false);
    }

    public static Settings production() {
      return new Settings(true);
    }
  }

  private Console() {}

  /** Registers every console route, each page with only the use cases it calls. */
  public static void register(
      RoutesConfig routes,
      UseCases useCases,
      ApiKeys keys,
      PerThreadCallContext calls,
      Settings settings) {
    Assets assets = new Assets();
    Pages pages = new Pages(assets);
    Guard guard = new Guard(useCases.consoleSessions(), calls, settings);

    routes.before(BASE, Guard::headers);
    routes.before(BASE + "/*", Guard::headers);
    routes.before(
        BASE + "/*",
        ctx -> {
          String path = ctx.path();
          if (!path.equals(SIGN_IN) && !path.startsWith(ASSETS)) {
            guard.requireSession(ctx, pages);
          }
        });
    routes.before(BASE, ctx -> guard.requireSession(ctx, pages));

    routes.get(ASSETS + "{name}", assets::serve);
    routes.get(BASE, ctx -> ctx.redirect(QUEUE, HttpStatus.SEE_OTHER));
    new SignInPages(keys, useCases.consoleSessions(), guard, pages).register(routes);
    new ReviewPages(useCases.kycReviews(), useCases.files(), pages).register(routes);
    new CustomerPages(
            useCases.findCustomer(),
            useCases.get(),
            useCases.list(),
            useCases.kycCase(),
            useCases.events(),
            pages)
        .register(routes);
    new WebhookPages(useCases.webhookEndpoints(), useCases.deliveries(), pages).register(routes);
    // Last: any other console path is a page that does not exist, shown as one.
    routes.get(BASE + "/*", pages::notFound);
  }
}
