package com.customerservice.adapter.http.routes;

import com.customerservice.adapter.http.error.ErrorResponses;
import com.customerservice.adapter.http.error.ErrorType;
import com.customerservice.adapter.http.json.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Liveness, readiness and the published OpenAPI document; none of them needs an API key. */
public final class OperationsRoutes {
  public static final String OPENAPI_RESOURCE = "/openapi.yaml";
  private final BooleanSupplier ready;
  private final byte[] openApi;

  public OperationsRoutes(BooleanSupplier ready) {
    this.ready = ready;
    this.openApi = load();
  }

  public void register(RoutesConfig routes) {
    routes.get("/health/live", this::live);
    routes.get("/health/ready", this::ready);
    // Load balancers probe with HEAD too: the same answers, without a body.
    routes.head("/health/live", this::live);
    routes.head("/health/ready", this::ready);
    routes.get("/openapi.yaml", ctx -> ctx.contentType("application/yaml").result(openApi));
  }

  private void live(Context ctx) {
    Json.write(ctx, 200, Map.of("status", "ok"));
  }

  private void ready(Context ctx) {
    if (ready.getAsBoolean()) {
      Json.write(ctx, 200, Map.of("status", "ready"));
    } else {
      ErrorResponses.write(
          ctx, 503, ErrorType.API, "not_ready", "The service cannot serve requests yet", null);
    }
  }

  private static byte[] load() {
    try (InputStream in = OperationsRoutes.class.getResourceAsStream(OPENAPI_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("openapi.yaml is missing from the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
