package com.customerservice.adapter.kyc.onfido;

import com.customerservice.adapter.kyc.vendor.VendorTimings;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how to reach Onfido's API (v3.6), and how long to wait for it.
 *
 * @param baseUrl the API root ending in {@code /v3.6/}: a {@linkplain Region region's}, or another
 *     (a local fake in tests)
 * @param apiToken the API token; a sandbox token ({@code api_sandbox…}) reaches Onfido's sandbox on
 *     the same hosts
 * @param webhookToken the token Onfido answered when the webhook to {@code
 *     /v1/kyc/callbacks/onfido} was registered: the key of each webhook's {@code X-SHA2-Signature}
 * @param timings timeouts, retries, the wait for a verdict within a selfie's request, the circuit
 */
public record OnfidoSettings(
    URI baseUrl, String apiToken, String webhookToken, VendorTimings timings) {

  /** Onfido's regions, each a host of its own; an account lives in one. */
  public enum Region {
    EU,
    US,
    CA;

    public URI baseUrl() {
      return URI.create("https://api." + code() + ".onfido.com/v3.6/");
    }

    /** The region's name in settings: {@code eu}, {@code us}, {@code ca}. */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Region> fromCode(String code) {
      return Arrays.stream(values()).filter(r -> r.code().equalsIgnoreCase(code)).findFirst();
    }
  }

  public OnfidoSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(apiToken, "apiToken");
    Objects.requireNonNull(webhookToken, "webhookToken");
    Objects.requireNonNull(timings, "timings");
    if (!baseUrl.getPath().endsWith("/")) {
      throw new IllegalArgumentException("the Onfido base URL must end with '/'");
    }
    if (apiToken.isBlank() || webhookToken.isBlank()) {
      throw new IllegalArgumentException("the Onfido API token and webhook token are required");
    }
  }

  /** Settings with {@linkplain VendorTimings#production production timings}. */
  public static OnfidoSettings of(URI baseUrl, String apiToken, String webhookToken) {
    return new OnfidoSettings(baseUrl, apiToken, webhookToken, VendorTimings.production());
  }

  @Override
  public String toString() {
    return "OnfidoSettings[" + baseUrl + ", apiToken=***, webhookToken=***]";
  }
}
