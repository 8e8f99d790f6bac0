package com.customerservice.adapter.http.console;

import com.customerservice.adapter.http.ClasspathResources;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The console's stylesheet and htmx (from its webjar), served from the jar under names that change
 * with their content, so browsers may keep them for a year and never see a stale one.
 */
public final class Assets {
  private static final String HTMX_WEBJAR = "/META-INF/resources/webjars/htmx.org/";

  /** The assets' addresses, for the page frame. */
  public record Links(String stylesheet, String htmx) {}

  private record Asset(String contentType, byte[] bytes) {}

  private final Links links;
  private final Map<String, Asset> byName;

  Assets() {
    byte[] css = ClasspathResources.read("/console/console.css");
    String version = ClasspathResources.webjarVersion("org.webjars.npm", "htmx.org");
    byte[] htmx = ClasspathResources.read(HTMX_WEBJAR + version + "/dist/htmx.min.js");
    String cssName = "console-" + shortHash(css) + ".css";
    String htmxName = "htmx-" + version + ".min.js";
    this.links = new Links(Console.ASSETS + cssName, Console.ASSETS + htmxName);
    this.byName =
        Map.of(
            cssName, new Asset("text/css; charset=utf-8", css),
            htmxName, new Asset("text/javascript; charset=utf-8", htmx));
  }

  Links links() {
    return links;
  }

  void serve(Context ctx) {
    Asset asset = byName.get(ctx.pathParam("name"));
    if (asset == null) {
      throw new NotFoundResponse();
    }
    ctx.header("Cache-Control", "public, max-age=31536000, immutable");
    ctx.contentType(asset.contentType()).result(asset.bytes());
  }

  private static String shortHash(byte[] content) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(content))
          .substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }
}
