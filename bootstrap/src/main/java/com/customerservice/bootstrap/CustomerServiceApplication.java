package com.customerservice.bootstrap;

import com.customerservice.adapter.http.HttpApi;
import com.customerservice.adapter.http.console.Console;
import com.customerservice.adapter.http.response.EventResponse;
import com.customerservice.adapter.webhooks.HttpWebhookSender;
import com.customerservice.application.UseCases;
import com.customerservice.application.background.BackgroundWork;
import com.customerservice.application.context.PerThreadCallContext;
import com.customerservice.application.service.CodeDisclosure;
import com.customerservice.domain.port.DocumentCatalogue;
import com.customerservice.domain.port.Storage;
import com.customerservice.domain.port.WorkQueue;
import com.customerservice.domain.shared.HmacKey;
import com.customerservice.domain.webhook.EndpointUrl;
import io.javalin.Javalin;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole service wired by hand: one factory method per part, plain constructors, no framework.
 * {@link #start()} and {@link #stop()} are what {@code main}, the end-to-end tests and embedding
 * code use.
 */
public final class CustomerServiceApplication implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CustomerServiceApplication.class);
  static final java.time.Duration DRAIN_LIMIT = java.time.Duration.ofSeconds(10);

  private final Configuration configuration;
  private final Clock clock;
  private final List<AutoCloseable> resources = new ArrayList<>();
  private Javalin server;
  private Storage storage;
  private Metrics metrics;
  private ManagementServer management;
  private final PerThreadCallContext calls = new PerThreadCallContext();
  private volatile boolean draining;

  public CustomerServiceApplication(Configuration configuration) {
    this(configuration, Clock.systemUTC());
  }

  /** With a clock of the caller's: tests move time (code expiry, rate limits) without waiting. */
  public CustomerServiceApplication(Configuration configuration, Clock clock) {
    this.configuration = configuration;
    this.clock = clock;
  }

  /** Starts every part and serves HTTP; on failure, stops what had started and rethrows. */
  public synchronized CustomerServiceApplication start() {
    if (server != null) {
      throw new IllegalStateException("already started");
    }
    long began = System.nanoTime();
    try {
      metrics = new Metrics();
      resources.add(metrics);
      storage = Storages.open(configuration, clock, metrics, resources);
      resources.add(storage);
      long databaseReady = System.nanoTime();
      // Closed before the storage: work in flight finishes while the database is still there.
      Background background = Background.open(storage, clock);
      resources.add(background);
      UseCases useCases = useCases(background.queue());
      // Before the server: a request's use case may enqueue work as soon as the port is open.
      background.start(BackgroundWork.of(useCases, calls));
      long wired = System.nanoTime();
      server = HttpApi.create(useCases, httpOptions(metrics));
      server.start(configuration.host(), configuration.port());
      if (configuration.managementPort().isPresent()) {
        management =
            ManagementServer.start(
                configuration.host(), configuration.managementPort().get(), metrics, this::isReady);
        resources.add(management);
      }
      LOG.info(
          "start-up: database {} ms, keys and metrics {} ms, HTTP {} ms",
          (databaseReady - began) / 1_000_000,
          (wired - databaseReady) / 1_000_000,
          (System.nanoTime() - wired) / 1_000_000);
    } catch (RuntimeException e) {
      closeResources();
      throw e;
    }
    LOG.info(
        "customer service started in {} ms on port {} ({})",
        (System.nanoTime() - began) / 1_000_000,
        server.port(),
        configuration);
    if (configuration.apiKeys().isEmpty()) {
      LOG.warn("no API_KEYS configured: the API is open (sandbox mode only)");
    }
    return this;
  }

  /**
   * Drains, then stops: readiness answers 503 at once (so load balancers stop sending), requests in
   * flight get up to {@link #DRAIN_LIMIT} to finish, then the server, the pool and the embedded
   * database stop.
   */
  public synchronized void stop() {
    if (server != null) {
      draining = true;
      if (!metrics.awaitIdle(DRAIN_LIMIT)) {
        LOG.warn("requests still in flight after {}; stopping anyway", DRAIN_LIMIT);
      }
      server.stop();
      server = null;
    }
    closeResources();
    LOG.info("customer service stopped");
  }

  @Override
  public void close() {
    stop();
  }

  public int port() {
    if (server == null) {
      throw new IllegalStateException("not started");
    }
    return server.port();
  }

  /** The management port, when {@code MANAGEMENT_PORT} is set. */
  public java.util.OptionalInt managementPort() {
    return management == null
        ? java.util.OptionalInt.empty()
        : java.util.OptionalInt.of(management.port());
  }

  private boolean isReady() {
    return !draining && storage.isReady();
  }

  private void closeResources() {
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        LOG.warn("a resource did not close cleanly", e);
      }
    }
    resources.clear();
  }

  private HmacKey hmacKey() {
    return new HmacKey(
        configuration
            .hmacSecret()
            .orElseGet(() -> LocalSecrets.hmacSecret(configuration.dataDir())));
  }

  private HttpApi.Options httpOptions(Metrics metrics) {
    boolean scrapeOnApiPort = configuration.managementPort().isEmpty();
    return new HttpApi.Options(
        configuration.apiKeys(),
        calls,
        configuration.uploads(),
        this::isReady,
        config -> metrics.install(config, scrapeOnApiPort),
        // Production serves people over https: the console's cookie is then never sent in clear.
        configuration.isSandbox() ? Console.Settings.sandbox() : Console.Settings.production());
  }

  /** Every use case, wired once from the storage, the vendors and the configured policies. */
  private UseCases useCases(WorkQueue work) {
    DocumentCatalogue catalogue = Vendors.catalogue(configuration);
    boolean sandbox = configuration.isSandbox();
    return UseCases.wire(
        new UseCases.Ports(
            storage,
            Vendors.otpSender(configuration),
            Vendors.kycVendors(configuration, catalogue, clock),
            catalogue,
            calls,
            new HttpWebhookSender(
                sandbox
                    ? HttpWebhookSender.Settings.sandbox()
                    : HttpWebhookSender.Settings.production(),
                EventResponse::payload),
            work),
        new UseCases.Policies(
            hmacKey(),
            configuration.disclosesCodes() ? CodeDisclosure.IN_RESPONSE : CodeDisclosure.NEVER,
            configuration.otpPolicy(),
            configuration.receiverLookups(),
            sandbox ? EndpointUrl.Rules.sandbox() : EndpointUrl.Rules.production(),
            configuration.idempotency(),
            configuration.kycVerdictDeadline()),
        clock,
        new PerThreadSecureRandom());
  }
}
