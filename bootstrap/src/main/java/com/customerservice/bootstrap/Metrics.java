package com.customerservice.bootstrap;

import com.customerservice.adapter.http.RequestIds;
import com.zaxxer.hikari.HikariDataSource;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Operations: Prometheus metrics (request latency per route and status, pool usage, JVM) at {@code
 * /metrics}, and one structured log line per request carrying the request id. Routes are logged by
 * their template, never their actual path, so no phone number reaches a log.
 *
 * <p>Every label comes from a closed set, so no request can add a series: the method is one of the
 * standard methods or {@code OTHER} (taken from the request line, never from an override header),
 * the route a registered template or {@code unmatched}, the status a three-digit code.
 */
final class Metrics implements AutoCloseable {
  private static final Logger ACCESS = LoggerFactory.getLogger("access");
  private static final String STARTED = "customer-service.started";

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();

  Metrics() {
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  void bindPool(HikariDataSource pool) {
    Gauge.builder("db.pool.active", pool, p -> p.getHikariPoolMXBean().getActiveConnections())
        .register(registry);
    Gauge.builder("db.pool.idle", pool, p -> p.getHikariPoolMXBean().getIdleConnections())
        .register(registry);
    Gauge.builder(
            "db.pool.pending", pool, p -> p.getHikariPoolMXBean().getThreadsAwaitingConnection())
        .register(registry);
    Gauge.builder("db.pool.max", pool, p -> p.getMaximumPoolSize()).register(registry);
  }

  static final Set<String> STANDARD_METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT");

  /**
   * Adds the request hooks to the HTTP API, and the {@code /metrics} route unless it is served on a
   * management port of its own.
   */
  void install(JavalinConfig config, boolean serveScrape) {
    config.routes.before(
        ctx -> {
          inFlight.incrementAndGet();
          ctx.attribute(STARTED, System.nanoTime());
          MDC.put("request_id", RequestIds.of(ctx));
        });
    config.routes.after(this::record);
    if (serveScrape) {
      config.routes.get("/metrics", ctx -> ctx.contentType(SCRAPE_TYPE).result(scrape()));
    }
  }

  static final String SCRAPE_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  /** The Prometheus text of every meter. */
  String scrape() {
    return registry.scrape();
  }

  private void record(Context ctx) {
    Long started = ctx.attribute(STARTED);
    if (started != null) {
      inFlight.decrementAndGet();
    }
    long nanos = started == null ? 0 : System.nanoTime() - started;
    String route = route(ctx);
    int status = ctx.statusCode();
    String method = methodLabel(ctx.req().getMethod());
    timers
        .computeIfAbsent(new TimerKey(method, route, status), this::timer)
        .record(nanos, TimeUnit.NANOSECONDS);
    if (ACCESS.isInfoEnabled()) {
      ACCESS
          .atInfo()
          .addKeyValue("method", method)
          .addKeyValue("route", route)
          .addKeyValue("status", status)
          .addKeyValue("duration_ms", Math.round(nanos / 10_000.0) / 100.0)
          .log("request");
    }
    MDC.remove("request_id");
  }

  /** The method of the request line if it is a standard one, else {@code OTHER}. */
  static String methodLabel(String requestLineMethod) {
    return STANDARD_METHODS.contains(requestLineMethod) ? requestLineMethod : "OTHER";
  }

  /** One latency timer per method, route template and status: a bounded set, looked up once. */
  private record TimerKey(String method, String route, int status) {}

  private Timer timer(TimerKey key) {
    return Timer.builder("http.server.requests")
        .tag("method", key.method())
        .tag("route", key.route())
        .tag("status", Integer.toString(key.status()))
        .publishPercentileHistogram()
        .register(registry);
  }

  /** Waits until no request is in flight, or until {@code limit} has passed; true when idle. */
  boolean awaitIdle(java.time.Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (inFlight.get() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return inFlight.get() == 0;
  }

  private static String route(Context ctx) {
    try {
      var matched = ctx.endpoints().lastHttpEndpoint();
      return matched == null ? "unmatched" : matched.path;
    } catch (RuntimeException e) {
      return "unmatched";
    }
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
