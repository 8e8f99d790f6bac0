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

  /** Adds the request hooks and the {@code /metrics} route to the HTTP API. */
  void install(JavalinConfig config) {
    config.routes.before(
        ctx -> {
          inFlight.incrementAndGet();
          ctx.attribute(STARTED, System.nanoTime());
          MDC.put("request_id", RequestIds.of(ctx));
        });
    config.routes.after(this::record);
    config.routes.get(
        "/metrics",
        ctx ->
            ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape()));
  }

  private void record(Context ctx) {
    Long started = ctx.attribute(STARTED);
    if (started != null) {
      inFlight.decrementAndGet();
    }
    long nanos = started == null ? 0 : System.nanoTime() - started;
    String route = route(ctx);
    int status = ctx.statusCode();
    String method = ctx.method().name();
    timers
        .computeIfAbsent(new TimerKey(method, route, status), this::timer)
        .record(nanos, TimeUnit.NANOSECONDS);
    if (ACCESS.isInfoEnabled()) {
      ACCESS.info(
          "method={} route={} status={} duration_ms={}",
          method,
          route,
          status,
          String.format("%.2f", nanos / 1_000_000.0));
    }
    MDC.remove("request_id");
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
