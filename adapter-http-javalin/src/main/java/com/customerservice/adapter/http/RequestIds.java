package com.customerservice.adapter.http;

import io.javalin.http.Context;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Every request has an id, answered in the {@code Request-Id} header and in error bodies: the
 * caller's own when it sends a sensible one, so that both sides can find the same request in their
 * logs.
 */
public final class RequestIds {
  public static final String HEADER = "Request-Id";
  private static final String ATTRIBUTE = "customer-service.request-id";
  private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private RequestIds() {}

  /** Assigns the request its id; the first before-handler of every request. */
  public static void assign(Context ctx) {
    String id = acceptOrGenerate(ctx.header(HEADER));
    ctx.attribute(ATTRIBUTE, id);
    ctx.header(HEADER, id);
  }

  /** The caller's id when it is a sensible one (or null), else a new one. */
  public static String acceptOrGenerate(String offered) {
    return offered != null && ACCEPTABLE.matcher(offered).matches() ? offered : generate();
  }

  /** The id of this request (assigning one if no handler has yet). */
  public static String of(Context ctx) {
    String id = ctx.attribute(ATTRIBUTE);
    if (id == null) {
      assign(ctx);
      id = ctx.attribute(ATTRIBUTE);
    }
    return id;
  }

  /**
   * A fresh id: 24 random characters (~142 bits), so ids never collide. A request id names a
   * request in logs and grants nothing, so it needs no secrecy: {@link ThreadLocalRandom} rather
   * than a shared {@code SecureRandom}, whose lock every request contended for under load.
   */
  private static String generate() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    StringBuilder id = new StringBuilder(28).append("req_");
    for (int i = 0; i < 24; i++) {
      id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return id.toString();
  }
}
