package com.customerservice.adapter.http.routes;

import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * {@code /docs}: a readable reference of {@code /openapi.yaml} (Swagger UI, served from its webjar
 * on the class path, so no other network is needed). No API key is needed.
 */
public final class DocsRoutes {
  private static final String WEBJAR = "/META-INF/resources/webjars/swagger-ui/";
  private final byte[] index = resource("/docs/index.html");
  private final byte[] initializer = resource("/docs/initializer.js");

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

  /** The webjar's version, from its own Maven metadata: one source, the build's dependency. */
  static String webjarVersion() {
    try (InputStream in =
        DocsRoutes.class.getResourceAsStream(
            "/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
      if (in == null) {
        throw new IllegalStateException("the swagger-ui webjar is missing from the class path");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] resource(String path) {
    try (InputStream in = DocsRoutes.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is missing from the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
