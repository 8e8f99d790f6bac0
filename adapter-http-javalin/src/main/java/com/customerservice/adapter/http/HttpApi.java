package com.customerservice.adapter.http;

import com.customerservice.adapter.http.auth.ApiKey;
import com.customerservice.adapter.http.auth.ApiKeys;
import com.customerservice.adapter.http.console.Console;
import com.customerservice.adapter.http.error.ApiException;
import com.customerservice.adapter.http.error.ErrorResponses;
import com.customerservice.adapter.http.error.ServerErrors;
import com.customerservice.adapter.http.idempotency.IdempotentRequests;
import com.customerservice.adapter.http.request.Multipart;
import com.customerservice.adapter.http.request.Uploads;
import com.customerservice.adapter.http.routes.CustomerRoutes;
import com.customerservice.adapter.http.routes.DocsRoutes;
import com.customerservice.adapter.http.routes.EventRoutes;
import com.customerservice.adapter.http.routes.FileRoutes;
import com.customerservice.adapter.http.routes.KycCallbackRoutes;
import com.customerservice.adapter.http.routes.KycCaseRoutes;
import com.customerservice.adapter.http.routes.KycReviewRoutes;
import com.customerservice.adapter.http.routes.KycRoutes;
import com.customerservice.adapter.http.routes.OnboardingRoutes;
import com.customerservice.adapter.http.routes.OperationsRoutes;
import com.customerservice.adapter.http.routes.WebhookRoutes;
import com.customerservice.application.UseCases;
import com.customerservice.application.context.PerThreadCallContext;
import com.customerservice.domain.error.DomainException;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.HttpResponseException;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The whole HTTP API of the spec on Javalin 7, and the back-office console beside it: one place
 * that registers routes, the request id, API-key authentication, body limits and error mapping.
 * Bootstrap creates it; tests create it over in-memory ports.
 */
public final class HttpApi {
  /** JSON bodies are small; anything larger is refused before it is read. */
  static final long MAX_JSON_BYTES = 1024 * 1024;

  /** What the API needs besides the use cases. */
  public record Options(
      List<ApiKey> apiKeys,
      PerThreadCallContext calls,
      Uploads.Limits uploads,
      BooleanSupplier readiness,
      Consumer<JavalinConfig> extension,
      Console.Settings console) {
    public Options {
      apiKeys = List.copyOf(apiKeys);
      Objects.requireNonNull(calls, "calls");
      Objects.requireNonNull(uploads, "uploads");
      Objects.requireNonNull(readiness, "readiness");
      Objects.requireNonNull(extension, "extension");
      Objects.requireNonNull(console, "console");
    }

    /** With the console as a sandbox serves it (its cookie also over plain http). */
    public Options(
        List<ApiKey> apiKeys,
        PerThreadCallContext calls,
        Uploads.Limits uploads,
        BooleanSupplier readiness,
        Consumer<JavalinConfig> extension) {
      this(apiKeys, calls, uploads, readiness, extension, Console.Settings.sandbox());
    }

    /** No API key, always ready, nothing added: for tests and local runs. */
    public static Options open(PerThreadCallContext calls) {
      return new Options(List.of(), calls, Uploads.Limits.defaults(), () -> true, config -> {});
    }
  }

  private HttpApi() {}

  /** A configured, not yet started, Javalin server. */
  public static Javalin create(UseCases useCases, Options options) {
    return Javalin.create(config -> configure(config, useCases, options));
  }

  /** Everything the API registers, for callers that build their own Javalin. */
  public static void configure(JavalinConfig config, UseCases useCases, Options options) {
    config.startup.showJavalinBanner = false;
    config.startup.showOldJavalinVersionWarning = false;
    // Virtual threads where the JVM has them (Java 21+); Javalin keeps platform threads on 17.
    config.concurrency.useVirtualThreads = Runtime.version().feature() >= 21;
    config.http.prefer405over404 = true;
    config.http.maxRequestSize = MAX_JSON_BYTES;
    config.http.generateEtags = false;
    config.router.ignoreTrailingSlashes = true;
    config.jetty.multipartConfig.maxFileSize(10, SizeUnit.MB);
    config.jetty.multipartConfig.maxTotalRequestSize(Multipart.MAX_REQUEST_BYTES, SizeUnit.BYTES);
    config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
    // A connection closed before its request was read whole (414, 431, 413) still delivers the
    // answer: see GracefulCloseConnector.
    config.jetty.addConnector(
        (server, http) -> GracefulCloseConnector.listening(server, http, config.jetty));
    // Errors Jetty answers before routing get the API's envelope too.
    config.jetty.modifyServer(server -> server.setErrorHandler(new ServerErrors()));
    config.jetty.modifyServletContextHandler(
        context -> context.setErrorHandler(new ServerErrors()));
    // An Error (out of memory, say) gets the envelope too, never a bare 500.
    config.router.javaLangErrorHandler(ErrorResponses::error);

    ApiKeys keys = new ApiKeys(options.apiKeys(), options.calls());
    var routes = config.routes;
    routes.before(RequestIds::assign);
    routes.before(MethodOverrides::refuse);
    routes.before(MethodOverrides.refuseHead(config.unsafe));
    // Customer data must not linger in shared or browser caches.
    routes.before("/v1/*", ctx -> ctx.header("Cache-Control", "no-store"));
    routes.before("/v1/*", keys::authenticate);
    routes.before("/files/*", keys::authenticate);
    routes.beforeMatched(keys::authorize);
    // A request that may run (matched, authorised) claims its Idempotency-Key, if it has one.
    Uploads uploads = new Uploads(options.uploads());
    KycRoutes kyc =
        new KycRoutes(
            useCases.supportedDocuments(),
            useCases.uploadDocument(),
            useCases.uploadSelfie(),
            uploads);
    IdempotentRequests idempotent =
        new IdempotentRequests(useCases.idempotency(), options.calls(), kyc::rerender);
    routes.beforeMatched(idempotent::begin);
    routes.after(idempotent::end);
    routes.after(keys::release);

    new OperationsRoutes(options.readiness()).register(routes);
    new DocsRoutes().register(routes);
    DocsRoutes.staticFiles(config);
    new OnboardingRoutes(useCases.initiate(), useCases.verify()).register(routes);
    new WebhookRoutes(useCases.webhookEndpoints(), useCases.deliveries()).register(routes);
    // KYC first: its literal supported-documents path must win over /v1/customers/{id}.
    kyc.register(routes);
    new KycCallbackRoutes(useCases.kycCallbacks()).register(routes);
    new CustomerRoutes(
            useCases.get(),
            useCases.update(),
            useCases.close(),
            useCases.list(),
            useCases.changePicture(),
            useCases.receiver(),
            uploads)
        .register(routes);
    // After customers: the literal get-receiver must win over /v1/customers/{id}/events and
    // /v1/customers/{id}/kyc.
    new EventRoutes(useCases.events()).register(routes);
    new KycCaseRoutes(useCases.kycCase(), useCases.reopenKyc()).register(routes);
    // Before the clients' files: /files/kyc/… would otherwise match /files/{bucket}/….
    new KycReviewRoutes(useCases.kycReviews(), useCases.files()).register(routes);
    new FileRoutes(useCases.files()).register(routes);
    Console.register(routes, useCases, keys, options.calls(), options.console());

    routes.exception(IdempotentRequests.Replay.class, idempotent::replay);
    routes.exception(DomainException.class, ErrorResponses::domain);
    routes.exception(ApiException.class, ErrorResponses::api);
    routes.exception(HttpResponseException.class, ErrorResponses::framework);
    routes.exception(Exception.class, ErrorResponses::unexpected);
    options.extension().accept(config);
  }
}
