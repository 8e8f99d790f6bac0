package com.customerservice.adapter.http.routes;

import com.customerservice.adapter.http.ClasspathResources;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;

/**
 * {@code /docs}: a readable reference of {@code /openapi.yaml} (Swagger UI, served from its webjar
 * on the class path, so no other network is needed). No API key is needed.
 */
public final class DocsRoutes {
  private static final String WEBJAR = "/META-INF/resources/webjars/swagger-ui/";
  private final byte[] index = ClasspathResources.read("/docs/index.html");
  private final byte[] initializer = ClasspathResources.read("/docs/initializer.js");

  /** Serves the webjar's files under {@code /docs}, at the version the build put on the path. */
  public static void staticFiles(JavalinConfig config) {
    config.staticFiles.add(
        files -> {
          files.hostedPath = "/docs";
          files.directory = WEBJAR + webjarVersion();
          files.location = Location.CLASSPATH;
        });
  }

  public void register(RoutesConfig routes) {
    routes.get("/docs", this::index);
    routes.get("/docs/initializer.js", this::initializer);
  }

  private void index(Context ctx) {
    ctx.contentType("text/html; charset=utf-8").result(index);
  }

  private void initializer(Context ctx) {
    ctx.contentType("text/javascript; charset=utf-8").result(initializer);
  }

  /** The webjar's version the build put on the class path. */
  static String webjarVersion() {
    return ClasspathResources.webjarVersion("org.webjars", "swagger-ui");
  }
}
