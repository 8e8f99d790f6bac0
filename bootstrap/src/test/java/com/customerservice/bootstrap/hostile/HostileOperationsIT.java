package com.customerservice.bootstrap.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerservice.adapter.http.hostile.RawHttp;
import com.customerservice.adapter.persistence.TestDatabase;
import com.customerservice.bootstrap.Configuration;
import com.customerservice.bootstrap.CustomerServiceApplication;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an attacker without a key can do to operations: nothing they send adds a metric series, and
 * with a management port the metrics are not on the API's port at all.
 */
class HostileOperationsIT {
  private static final Pattern METHOD_LABEL =
      Pattern.compile("http_server_requests_seconds_count\\{method=\"([^\"]*)\"");

  @TempDir Path dataDir;
  private CustomerServiceApplication application;
  private RawHttp api;
  private RawHttp management;

  @BeforeEach
  void start() {
    Map<String, String> env = new HashMap<>();
    env.put("SERVICE_MODE", "sandbox");
    env.put("HOST", "127.0.0.1");
    env.put("PORT", "0");
    env.put("MANAGEMENT_PORT", "0");
    env.put("DATA_DIR", dataDir.toString());
    env.put("DATABASE_URL", TestDatabase.freshSchemaUrl());
    env.put("DATABASE_POOL_SIZE", "2");
    application = new CustomerServiceApplication(Configuration.from(env)).start();
    api = new RawHttp(application.port());
    management = new RawHttp(application.managementPort().orElseThrow());
  }

  @AfterEach
  void stop() {
    application.stop();
  }

  @Test
  void inventedMethodsAndOverrideHeadersAddNoMetricSeries() {
    for (int i = 0; i < 200; i++) {
      api.send("FOO" + letters(i) + " /health/live HTTP/1.1");
      api.send("GET /health/live HTTP/1.1\r\nX-HTTP-Method-Override: BAR" + letters(i));
      api.send("GET /no/such/path/" + i + " HTTP/1.1");
    }
    String scrape = management.send("GET /metrics HTTP/1.1").text();
    Set<String> methods = new TreeSet<>();
    Matcher labels = METHOD_LABEL.matcher(scrape);
    while (labels.find()) {
      methods.add(labels.group(1));
    }
    assertThat(methods).containsExactlyInAnyOrder("GET", "OTHER");
    assertThat(scrape.lines().filter(l -> l.startsWith("http_server_requests_seconds_count")))
        .hasSizeLessThanOrEqualTo(6);
    assertThat(scrape.length()).isLessThan(200_000);
  }

  @Test
  void metricsAreServedOnTheManagementPortOnly() {
    assertThat(api.send("GET /metrics HTTP/1.1").status()).isEqualTo(404);
    var scrape = management.send("GET /metrics HTTP/1.1");
    assertThat(scrape.status()).isEqualTo(200);
    assertThat(scrape.text()).contains("jvm_memory_used_bytes");
    assertThat(management.send("GET /health/ready HTTP/1.1").status()).isEqualTo(200);
    assertThat(api.send("GET /health/ready HTTP/1.1").status()).isEqualTo(200);
  }

  /** A distinct run of capital letters for each number (methods are tokens of letters). */
  private static String letters(int n) {
    StringBuilder out = new StringBuilder();
    do {
      out.append((char) ('A' + n % 26));
      n /= 26;
    } while (n > 0);
    return out.toString();
  }
}
