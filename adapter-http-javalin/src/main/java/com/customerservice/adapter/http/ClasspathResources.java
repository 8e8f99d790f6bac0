package com.customerservice.adapter.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What the HTTP adapter serves from its class path (the reference page, the console's assets), read
 * once at start-up: a missing file fails the start, not a request.
 */
public final class ClasspathResources {
  private ClasspathResources() {}

  /** The bytes of the resource at {@code path}. */
  public static byte[] read(String path) {
    try (InputStream in = ClasspathResources.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is missing from the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A webjar's version, from its own Maven metadata: one source, the build's dependency. */
  public static String webjarVersion(String groupId, String artifactId) {
    try (InputStream in =
        ClasspathResources.class.getResourceAsStream(
            "/META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties")) {
      if (in == null) {
        throw new IllegalStateException(
            "the " + artifactId + " webjar is missing from the class path");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
