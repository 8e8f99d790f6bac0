package com.customerservice.bootstrap;

import com.customerservice.adapter.persistence.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The service jar run as an operator runs it: its own JVM, configured by the environment, on a
 * loopback port, against a fresh database schema, with its output in a log file. For tests that
 * must see the real artefact (memory limits, generated clients) rather than the API in-process.
 */
public final class ServiceProcess implements AutoCloseable {
  private final Process process;
  private final String origin;
  private final Path log;

  private ServiceProcess(Process process, String origin, Path log) {
    this.process = process;
    this.origin = origin;
    this.log = log;
  }

  /**
   * Starts the jar in sandbox mode under {@code dir} and waits until it is ready; {@code env} adds
   * to or overrides the defaults.
   */
  public static ServiceProcess start(Path dir, Map<String, String> env, String... jvmOptions) {
    Path jar = jar();
    int port = freePort();
    Path log = dir.resolve("service.log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(jvmOptions));
    command.addAll(List.of("-jar", jar.toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> settings = new HashMap<>();
    settings.put("SERVICE_MODE", "sandbox");
    settings.put("HOST", "127.0.0.1");
    settings.put("PORT", Integer.toString(port));
    settings.put("DATA_DIR", dir.resolve("data").toString());
    settings.put("DATABASE_URL", TestDatabase.freshSchemaUrl());
    settings.put("DATABASE_POOL_SIZE", "4");
    settings.put("ACCESS_LOG_LEVEL", "WARN");
    settings.putAll(env);
    builder.environment().putAll(settings);
    try {
      ServiceProcess service = new ServiceProcess(builder.start(), "http://127.0.0.1:" + port, log);
      service.awaitReady();
      return service;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The jar the package phase built: {@code -Dservice.jar=…} names another (an older build, to show
   * a test fails on it).
   */
  public static Path jar() {
    String named = System.getProperty("service.jar");
    List<Path> candidates =
        named != null
            ? List.of(Path.of(named))
            : List.of(
                Path.of("target", "customer-service.jar"),
                Path.of("..", "bootstrap", "target", "customer-service.jar"));
    return candidates.stream()
        .filter(Files::isRegularFile)
        .findFirst()
        .map(Path::toAbsolutePath)
        .orElseThrow(
            () -> new IllegalStateException("no service jar at " + candidates + ": run package"));
  }

  public String origin() {
    return origin;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Kills the process as {@code kill -9} does: no shutdown hook, nothing flushed. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(
          Duration.ofSeconds(10).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private void awaitReady() {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest ready = HttpRequest.newBuilder(URI.create(origin + "/health/ready")).build();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the service exited while starting:\n" + log());
      }
      try {
        if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    close();
    throw new IllegalStateException("the service did not become ready:\n" + log());
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
