package com.customerservice.benchmarks;

import com.customerservice.adapter.crypto.Keysets;
import com.customerservice.adapter.crypto.TinkFieldEncryption;
import com.customerservice.adapter.http.HttpApi;
import com.customerservice.adapter.http.auth.ApiKey;
import com.customerservice.adapter.http.request.Uploads;
import com.customerservice.adapter.persistence.PostgresDatabase;
import com.customerservice.application.UseCases;
import com.customerservice.application.context.PerThreadCallContext;
import com.customerservice.domain.port.KycVendors;
import com.customerservice.domain.shared.HmacKey;
import com.customerservice.testkit.fakes.RecordingOtpSender;
import com.customerservice.testkit.fakes.RecordingWebhookSender;
import com.customerservice.testkit.fakes.ScriptedKycVerifier;
import com.customerservice.testkit.memory.InMemoryDocumentCatalogue;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The back-office console's pages with {@code bench.reviews} open reviews (default 10,000), seeded
 * in SQL into schema {@code bench_console} of {@code BENCH_DATABASE_URL}: each operation is one
 * signed-in GET over loopback to the console in-process (session looked up in PostgreSQL, use case,
 * template), so it bounds from above what the server spends on the page.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class ConsoleBenchmark {
  static final String SCHEMA = "bench_console";
  private static final String KEY = "bench-console-key-0123456789abcdef";

  private PostgresDatabase database;
  private Javalin server;
  private final HttpClient http = HttpClient.newHttpClient();
  private String origin;
  private String cookie;
  private String oldestReview;
  private String oldestCustomer;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    int reviews = Integer.getInteger("bench.reviews", 10_000);
    String base =
        Optional.ofNullable(System.getenv("BENCH_DATABASE_URL"))
            .orElse("jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
    Jdbi.create(base)
        .useHandle(
            h -> {
              h.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
              h.execute("CREATE SCHEMA " + SCHEMA);
            });
    String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
    database =
        new PostgresDatabase(
            PostgresDatabase.Settings.of(url, null, null),
            TinkFieldEncryption.of(Keysets.generate()));
    seed(Jdbi.create(database.dataSource()), reviews);
    oldestReview = "rev_o" + String.format("%023d", reviews);
    oldestCustomer = "cus_" + String.format("%024d", reviews);

    PerThreadCallContext calls = new PerThreadCallContext();
    UseCases useCases =
        UseCases.wire(
            new UseCases.Ports(
                database,
                new RecordingOtpSender(),
                KycVendors.only(new ScriptedKycVerifier("smile_id")),
                new InMemoryDocumentCatalogue(),
                calls,
                new RecordingWebhookSender(),
                (work, at) -> {}),
            UseCases.Policies.defaults(
                new HmacKey("console-benchmark-secret-32-bytes!!".getBytes(StandardCharsets.UTF_8))),
            Clock.systemUTC(),
            new SecureRandom());
    server =
        HttpApi.create(
                useCases,
                new HttpApi.Options(
                    List.of(ApiKey.allScopes("ines.mabunda", KEY)),
                    calls,
                    Uploads.Limits.defaults(),
                    () -> true,
                    config -> {}))
            .start("127.0.0.1", 0);
    origin = "http://127.0.0.1:" + server.port();
    HttpResponse<String> signedIn =
        http.send(
            HttpRequest.newBuilder(URI.create(origin + "/console/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString("api_key=" + KEY))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String setCookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
    cookie = setCookie.substring(0, setCookie.indexOf(';'));
    for (String page : List.of("/console/reviews", "/console/reviews/" + oldestReview)) {
      if (get(page).length() < 1000) {
        throw new IllegalStateException(page + " did not render");
      }
    }
  }

  /** One customer, check and open review per row, all on one document, oldest review last. */
  private static void seed(Jdbi jdbi, int reviews) {
    jdbi.useTransaction(
        h -> {
          h.execute(
              "INSERT INTO customer (id, phone, status, kyc_status, customer_segment, created_at,"
                  + " updated_at, version) SELECT 'cus_' || lpad(i::text, 24, '0'), '+25884' ||"
                  + " lpad(i::text, 7, '0'), 'active', 'pending', 'personal', now(), now(), 1"
                  + " FROM generate_series(1, ?) i",
              reviews);
          h.execute(
              "INSERT INTO stored_file (id, bucket, owner_id, media_type, content, created_at)"
                  + " VALUES ('file_' || lpad('1', 24, '0'), 'documents', 'cus_' || lpad('1', 24,"
                  + " '0'), 'image/png', '\\x00', now())");
          h.execute(
              "INSERT INTO kyc_document (reference, customer_id, document_type, front_file_id,"
                  + " vendor_job_id, created_at) VALUES ('ref_' || lpad('1', 24, '0'), 'cus_' ||"
                  + " lpad('1', 24, '0'), 'MZ_BI', 'file_' || lpad('1', 24, '0'), 'job', now())");
          h.execute(
              "INSERT INTO kyc_check (id, customer_id, document_reference, vendor, vendor_job,"
                  + " selfie_file_id, status, findings, submitted_at, deadline, version) SELECT"
                  + " 'kyc_' || lpad(i::text, 24, '0'), 'cus_' || lpad(i::text, 24, '0'), 'ref_'"
                  + " || lpad('1', 24, '0'), 'smile_id', 'job_' || i, 'file_' || lpad('1', 24,"
                  + " '0'), 'in_review', '{\"ResultCode\":\"0814\",\"Actions\":{\"Liveness_Check\":"
                  + "\"Under Review\"}}', now() - interval '1 day', now(), 1 FROM"
                  + " generate_series(1, ?) i",
              reviews);
          h.execute(
              "INSERT INTO kyc_review (id, customer_id, check_id, vendor, reason, findings, status,"
                  + " created_at, version) SELECT 'rev_o' || lpad(i::text, 23, '0'), 'cus_' ||"
                  + " lpad(i::text, 24, '0'), 'kyc_' || lpad(i::text, 24, '0'), 'smile_id',"
                  + " 'vendor_review', '{\"ResultCode\":\"0814\",\"Actions\":{\"Liveness_Check\":"
                  + "\"Under Review\"}}', 'open', now() - i * interval '1 second', 1 FROM"
                  + " generate_series(1, ?) i",
              reviews);
          h.execute("ANALYZE kyc_review, kyc_check, kyc_document, customer");
        });
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    server.stop();
    database.close();
  }

  private String get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(origin + path)).header("Cookie", cookie).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + response.statusCode());
    }
    return response.body();
  }

  /** The queue's first page: the 50 oldest of the open reviews. */
  @Benchmark
  public String queue() throws Exception {
    return get("/console/reviews");
  }

  /** The oldest review with its evidence, its document beside the profile, the vendor's words. */
  @Benchmark
  public String review() throws Exception {
    return get("/console/reviews/" + oldestReview);
  }

  /** That review's customer: profile, KYC case with its checks, the audit trail. */
  @Benchmark
  public String customer() throws Exception {
    return get("/console/customers/" + oldestCustomer);
  }
}
