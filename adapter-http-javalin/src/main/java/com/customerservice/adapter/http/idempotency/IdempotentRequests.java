package com.customerservice.adapter.http.idempotency;

import com.customerservice.adapter.http.error.ApiException;
import com.customerservice.adapter.http.error.ErrorType;
import com.customerservice.application.port.in.IdempotencyUseCase;
import com.customerservice.application.port.out.CallContext;
import com.customerservice.domain.error.InvalidValueException;
import com.customerservice.domain.idempotency.Claim;
import com.customerservice.domain.idempotency.IdempotencyKey;
import com.customerservice.domain.idempotency.IdempotentRequest;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code Idempotency-Key} header on every POST, PUT and DELETE under {@code /v1}: the seam that
 * makes any mutating route safe to retry without touching a route. Before a matched route runs, its
 * key is claimed (or the request is answered: 409 while the first still runs, 422 when the key was
 * used for another request, the first answer replayed with {@code Idempotent-Replayed: true});
 * after it ran, its answer is kept, unless it was a 5xx or 429, which a retry should run again.
 * Requests without the header pass untouched and cost nothing.
 */
public final class IdempotentRequests {
  private static final Logger LOG = LoggerFactory.getLogger(IdempotentRequests.class);
  public static final String HEADER = "Idempotency-Key";
  public static final String REPLAYED = "Idempotent-Replayed";
  private static final Set<HandlerType> MUTATING =
      Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.DELETE, HandlerType.PATCH);

  /** The headers a retry needs; Request-Id is the retry's own. */
  private static final List<String> KEPT_HEADERS =
      List.of("Location", "Retry-After", "Content-Type");

  private static final String RUNNING = IdempotentRequests.class.getName() + ".running";
  private static final String RERENDER = IdempotentRequests.class.getName() + ".rerender";

  private final IdempotencyUseCase idempotency;
  private final CallContext calls;
  private final BiConsumer<Context, String> renderer;

  /**
   * {@code renderer} writes again an answer a route kept as a reference ({@link #rerenderFrom}),
   * for answers too large to store twice.
   */
  public IdempotentRequests(
      IdempotencyUseCase idempotency, CallContext calls, BiConsumer<Context, String> renderer) {
    this.idempotency = Objects.requireNonNull(idempotency, "idempotency");
    this.calls = Objects.requireNonNull(calls, "calls");
    this.renderer = Objects.requireNonNull(renderer, "renderer");
  }

  /**
   * For a route whose answer is too large to keep (it streams images): the answer is rendered again
   * from {@code reference} on a replay, by the renderer, byte for byte as the first time.
   */
  public static void rerenderFrom(Context ctx, String reference) {
    ctx.attribute(RERENDER, reference);
  }

  /** Before a matched route: claims the key, or answers the request without running the route. */
  public void begin(Context ctx) {
    String header = ctx.header(HEADER);
    if (header == null || !MUTATING.contains(ctx.method()) || !ctx.path().startsWith("/v1/")) {
      return;
    }
    IdempotentRequest request =
        new IdempotentRequest(calls.actor().name(), key(header), Fingerprints.of(ctx));
    Claim claim = idempotency.begin(request);
    if (claim instanceof Claim.Granted granted) {
      ctx.attribute(RUNNING, new Running(request, granted));
    } else if (claim instanceof Claim.InProgress) {
      throw new ApiException(
          409,
          ErrorType.INVALID_REQUEST,
          "idempotency_key_in_use",
          "A request with this Idempotency-Key is still being processed; retry it later",
          HEADER);
    } else if (claim instanceof Claim.Reused) {
      throw new ApiException(
          422,
          ErrorType.INVALID_REQUEST,
          "idempotency_key_reused",
          "This Idempotency-Key was used for a different request (method, path or body)",
          HEADER);
    } else if (claim instanceof Claim.Answered answered) {
      throw new Replay(StoredAnswer.of(answered.answer()));
    }
  }

  private static IdempotencyKey key(String header) {
    return IdempotencyKey.parse(header)
        .orElseThrow(
            () ->
                new InvalidValueException(
                    "idempotency_key_invalid",
                    HEADER,
                    HEADER
                        + " must be 1 to "
                        + IdempotencyKey.MAX_LENGTH
                        + " printable ASCII characters"));
  }

  /** After the route (or its error answer): keeps the answer, or gives the key up. */
  public void end(Context ctx) {
    Running running = ctx.attribute(RUNNING);
    if (running == null) {
      return;
    }
    ctx.attribute(RUNNING, null);
    int status = ctx.statusCode();
    Map<String, String> headers = new LinkedHashMap<>();
    for (String name : KEPT_HEADERS) {
      String value = ctx.res().getHeader(name);
      if (value != null) {
        headers.put(name, value);
      }
    }
    String rerender = ctx.attribute(RERENDER);
    StoredAnswer answer =
        new StoredAnswer(status, headers, rerender == null ? body(ctx) : new byte[0], rerender);
    try {
      if (answer.worthKeeping()) {
        idempotency.finish(running.request(), running.claim(), answer.kept());
      } else {
        idempotency.abandon(running.request(), running.claim());
      }
    } catch (RuntimeException e) {
      // The request ran and its answer goes out; only keeping it failed (the database, say). The
      // key stays claimed until its claim lapses: retries get 409 meanwhile, then run again.
      LOG.warn("an idempotent answer could not be kept; retries may run the request again", e);
    }
  }

  /** Writes a kept answer again (the exception handler of {@link Replay}). */
  public void replay(Replay replay, Context ctx) {
    StoredAnswer answer = replay.answer;
    ctx.status(answer.status());
    answer.headers().forEach(ctx::header);
    ctx.header(REPLAYED, "true");
    answer
        .rerenderFrom()
        .ifPresentOrElse(
            reference -> renderer.accept(ctx, reference), () -> ctx.result(answer.body()));
  }

  /** The route's body, read and put back so that it is still sent. */
  private static byte[] body(Context ctx) {
    try (InputStream in = ctx.resultInputStream()) {
      if (in == null) {
        return new byte[0];
      }
      byte[] bytes = in.readAllBytes();
      ctx.result(bytes);
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException("the answer could not be kept", e);
    }
  }

  /** The request this exchange claimed its key for, until its answer is kept. */
  private record Running(IdempotentRequest request, Claim.Granted claim) {}

  /** Thrown to answer a retry with the first answer instead of running the route. */
  public static final class Replay extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient StoredAnswer answer;

    Replay(StoredAnswer answer) {
      super("replayed", null, false, false);
      this.answer = answer;
    }
  }
}
