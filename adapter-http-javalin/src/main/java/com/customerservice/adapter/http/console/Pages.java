package com.customerservice.adapter.http.console;

import com.customerservice.adapter.http.RequestIds;
import com.customerservice.adapter.http.error.ErrorResponses;
import com.customerservice.domain.console.ConsoleSession;
import com.customerservice.domain.error.Category;
import com.customerservice.domain.error.DomainException;
import com.customerservice.domain.error.RateLimitedException;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders the console's templates (compiled at build time into this jar) and its error pages: a
 * failure is a page in the console's frame, or a fragment for htmx, never a stack trace.
 */
final class Pages {
  private static final Logger LOG = LoggerFactory.getLogger(Pages.class);
  static final String TEMPLATES = "com.customerservice.adapter.http.console.templates";

  private final TemplateEngine engine =
      TemplateEngine.createPrecompiled(
          null, ContentType.Html, Pages.class.getClassLoader(), TEMPLATES);
  private final Assets assets;

  Pages(Assets assets) {
    this.assets = assets;
  }

  /** The frame of a page in {@code section}, for the session's holder. */
  Frame frame(Context ctx, String title, Frame.Section section) {
    ConsoleSession session = Guard.session(ctx);
    return new Frame(title, section, session.keyName(), session.csrfToken(), assets.links());
  }

  /** The frame of a page before sign-in. */
  Frame anonymousFrame(String title) {
    return new Frame(title, Frame.Section.NONE, null, null, assets.links());
  }

  /** Renders {@code template} ({@code reviews} for {@code console/reviews.jte}) as the answer. */
  void render(Context ctx, int status, String template, Map<String, Object> parameters) {
    StringOutput out = new StringOutput(8 * 1024);
    engine.render("console/" + template + ".jte", parameters, out);
    ctx.status(status).contentType("text/html; charset=utf-8").result(out.toString());
  }

  static boolean isHtmx(Context ctx) {
    return ctx.header("HX-Request") != null;
  }

  /**
   * {@code handler} with its failures as pages: what the domain refuses with its status and words,
   * anything else a 500 page naming the request id (the log has the rest).
   */
  Handler page(Handler handler) {
    return ctx -> {
      try {
        handler.handle(ctx);
      } catch (DomainException e) {
        if (e instanceof RateLimitedException limited) {
          limited
              .retryAfter()
              .ifPresent(wait -> ctx.header("Retry-After", ErrorResponses.retryAfterSeconds(wait)));
        }
        int status = ErrorResponses.status(e.category());
        error(ctx, status, title(e.category()), Messages.of(e));
      } catch (HttpResponseException e) {
        error(ctx, e.getStatus(), e.getStatus() == 404 ? "Not found" : "Refused", e.getMessage());
      } catch (RuntimeException e) {
        LOG.error("console page failed request_id={}", RequestIds.of(ctx), e);
        error(
            ctx,
            500,
            "Something went wrong",
            "The page could not be shown. Quote request " + RequestIds.of(ctx) + " when you ask.");
      }
    };
  }

  /** An error page (or, for htmx, the message alone, where the request was made). */
  void error(Context ctx, int status, String title, String message) {
    Frame frame =
        Guard.sessionIfAny(ctx)
            .map(
                s ->
                    new Frame(
                        title, Frame.Section.NONE, s.keyName(), s.csrfToken(), assets.links()))
            .orElseGet(() -> anonymousFrame(title));
    render(
        ctx,
        status,
        isHtmx(ctx) ? "errorFragment" : "error",
        Map.of(
            "frame",
            frame,
            "error",
            new Views.ErrorView(status, title, message, RequestIds.of(ctx))));
  }

  /** A POST from another origin or without the session's form token. */
  void refused(Context ctx) {
    error(
        ctx,
        403,
        "Request refused",
        "This form did not come from a page of this console, or the page is too old. Reload the"
            + " page and try again.");
  }

  /** A page that does not exist. */
  void notFound(Context ctx) {
    error(ctx, 404, "Not found", "There is no such page in the console.");
  }

  private static String title(Category category) {
    return switch (category) {
      case NOT_FOUND -> "Not found";
      case CONFLICT -> "Conflict";
      case RATE_LIMITED -> "Too many requests";
      case UNAVAILABLE -> "Temporarily unavailable";
      default -> "Cannot do that";
    };
  }
}
