package com.customerservice.clients;

import com.customerservice.bootstrap.ServiceProcess;
import com.customerservice.domain.fixtures.TestImages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One service jar for every journey in the run (started on first use, stopped when the run ends),
 * with an API key, so each generated client also proves its authentication works.
 */
final class RunningService implements ParameterResolver {
  /** The only key the service accepts; it has every scope. */
  static final String API_KEY = "jrny_7f3c9a1e5b2d4c6e8a0b1c2d3e4f5a6b";

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(RunningService.class);

  /** The running service and the files a journey uploads. */
  record Running(ServiceProcess service, Path dir) implements AutoCloseable {
    String origin() {
      return service.origin();
    }

    /** A JPEG of the given size, as a file (the generated clients upload files). */
    Path jpeg(String name, int width, int height) {
      Path file = dir.resolve(name + ".jpg");
      try {
        return Files.write(file, TestImages.jpeg(width, height));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() throws IOException {
      service.close();
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Running.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .computeIfAbsent("service", key -> start(), Running.class);
  }

  private static Running start() {
    try {
      Path dir = Files.createTempDirectory("client-journeys");
      ServiceProcess service = ServiceProcess.start(dir, Map.of("API_KEYS", "journeys:" + API_KEY));
      return new Running(service, dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
