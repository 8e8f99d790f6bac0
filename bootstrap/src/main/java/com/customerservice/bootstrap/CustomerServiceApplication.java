package com.customerservice.bootstrap;

import com.customerservice.adapter.http.HttpApi;
import com.customerservice.adapter.http.UseCases;
import com.customerservice.adapter.kyc.FileDocumentCatalogue;
import com.customerservice.adapter.kyc.SandboxKycVerifier;
import com.customerservice.adapter.kyc.smileid.SmileIdKycVerifier;
import com.customerservice.adapter.kyc.smileid.SmileIdSettings;
import com.customerservice.adapter.persistence.PostgresDatabase;
import com.customerservice.adapter.persistence.crypto.FieldCipher;
import com.customerservice.adapter.persistence.crypto.Keysets;
import com.customerservice.adapter.sms.TwilioOtpSender;
import com.customerservice.application.context.PerThreadCallContext;
import com.customerservice.application.service.ChangeProfilePictureService;
import com.customerservice.application.service.CloseCustomerService;
import com.customerservice.application.service.CodeDisclosure;
import com.customerservice.application.service.GetCustomerService;
import com.customerservice.application.service.GetReceiverService;
import com.customerservice.application.service.InitiateCustomerCreationService;
import com.customerservice.application.service.ListCustomersService;
import com.customerservice.application.service.ListSupportedDocumentsService;
import com.customerservice.application.service.ReadStoredFileService;
import com.customerservice.application.service.ReopenKycService;
import com.customerservice.application.service.UpdateCustomerService;
import com.customerservice.application.service.UploadIdentityDocumentService;
import com.customerservice.application.service.UploadSelfieService;
import com.customerservice.application.service.VerifyPhoneService;
import com.customerservice.domain.customer.PageTokenCodec;
import com.customerservice.domain.port.DocumentCatalogue;
import com.customerservice.domain.port.KycVerifier;
import com.customerservice.domain.port.OtpSender;
import com.customerservice.domain.shared.HmacKey;
import com.customerservice.domain.verification.OtpHasher;
import com.zaxxer.hikari.HikariDataSource;
import io.javalin.Javalin;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
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
  private PostgresDatabase database;
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
      database = database();
      resources.add(database);
      long databaseReady = System.nanoTime();
      database.verifyKeyset();
      metrics = new Metrics();
      resources.add(metrics);
      metrics.bindPool((HikariDataSource) database.dataSource());
      long wired = System.nanoTime();
      server = HttpApi.create(useCases(database), httpOptions(metrics));
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
    return !draining && database.isReady();
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

  private PostgresDatabase database() {
    String url;
    if (configuration.databaseUrl().isPresent()) {
      url = configuration.databaseUrl().get();
    } else {
      EmbeddedDatabase embedded = EmbeddedDatabase.start(configuration.dataDir());
      resources.add(embedded);
      url = embedded.jdbcUrl();
    }
    return new PostgresDatabase(
        new PostgresDatabase.Settings(
            url,
            configuration.databaseUser().orElse(null),
            configuration.databasePassword().orElse(null),
            configuration.databasePoolSize(),
            java.time.Duration.ofSeconds(5),
            configuration.databaseMigrate()),
        cipher());
  }

  private FieldCipher cipher() {
    String keyset =
        configuration
            .encryptionKeyset()
            .orElseGet(() -> LocalSecrets.keyset(configuration.dataDir()));
    try {
      return FieldCipher.of(Keysets.fromJson(keyset));
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(List.of("ENCRYPTION_KEYSET: " + e.getMessage()));
    }
  }

  private HmacKey hmacKey() {
    return new HmacKey(
        configuration
            .hmacSecret()
            .orElseGet(() -> LocalSecrets.hmacSecret(configuration.dataDir())));
  }

  private KycVerifier kycVerifier(DocumentCatalogue catalogue) {
    return configuration
        .smileId()
        .<KycVerifier>map(
            smileId ->
                new SmileIdKycVerifier(
                    SmileIdSettings.of(
                        URI.create(smileId.baseUrl()),
                        smileId.partnerId(),
                        smileId.apiKey(),
                        smileId.callbackUrl()),
                    catalogue,
                    clock))
        .orElseGet(SandboxKycVerifier::new);
  }

  private DocumentCatalogue documentCatalogue() {
    return configuration
        .documentTypesFile()
        .<DocumentCatalogue>map(FileDocumentCatalogue::fromFile)
        .orElseGet(FileDocumentCatalogue::bundled);
  }

  private OtpSender otpSender() {
    return switch (configuration.otpSender()) {
      case "twilio" -> twilio(configuration.sms().orElseThrow());
      case "log" -> OtpSenders.log();
      default -> OtpSenders.sandbox();
    };
  }

  private static OtpSender twilio(Configuration.Sms sms) {
    var settings = TwilioOtpSender.Settings.of(sms.accountSid(), sms.authToken(), sms.from());
    return new TwilioOtpSender(
        sms.baseUrl().map(URI::create).map(settings::withBaseUrl).orElse(settings));
  }

  private HttpApi.Options httpOptions(Metrics metrics) {
    boolean scrapeOnApiPort = configuration.managementPort().isEmpty();
    return new HttpApi.Options(
        configuration.apiKeys(),
        calls,
        configuration.uploads(),
        this::isReady,
        config -> metrics.install(config, scrapeOnApiPort));
  }

  private UseCases useCases(PostgresDatabase db) {
    RandomGenerator random = new PerThreadSecureRandom();
    HmacKey key = hmacKey();
    OtpHasher hasher = new OtpHasher(key);
    DocumentCatalogue catalogue = documentCatalogue();
    KycVerifier kyc = kycVerifier(catalogue);
    CodeDisclosure disclosure =
        configuration.disclosesCodes() ? CodeDisclosure.IN_RESPONSE : CodeDisclosure.NEVER;
    var customers = db.customers();
    var unitOfWork = db.unitOfWork();
    return new UseCases(
        new InitiateCustomerCreationService(
            customers,
            db.sessions(),
            otpSender(),
            hasher,
            random,
            clock,
            disclosure,
            configuration.otpPolicy(),
            db.rateLimiter(),
            calls),
        new VerifyPhoneService(db.sessions(), hasher, random, clock),
        new GetCustomerService(customers),
        new UpdateCustomerService(customers, clock),
        new CloseCustomerService(customers, unitOfWork, clock),
        new ListCustomersService(customers, new PageTokenCodec(key)),
        new UploadIdentityDocumentService(
            customers, catalogue, kyc, db.documents(), db.kycRecords(), unitOfWork, random, clock),
        new UploadSelfieService(
            customers, db.kycRecords(), db.documents(), kyc, unitOfWork, random, clock),
        new ChangeProfilePictureService(customers, db.documents(), unitOfWork, random, clock),
        new GetReceiverService(customers, db.rateLimiter(), calls, configuration.receiverLookups()),
        new ListSupportedDocumentsService(catalogue),
        new ReadStoredFileService(db.documents(), customers),
        new ReopenKycService(customers, clock));
  }
}
