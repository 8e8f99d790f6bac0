package com.customerservice.adapter.kyc.smileid;

import com.customerservice.adapter.kyc.vendor.VendorTimings;
import java.net.URI;
import java.util.Objects;

/**
 * Where and how to reach Smile ID's server-to-server (v1) API, and how long to wait for it.
 *
 * @param baseUrl the API root ending in {@code /v1/}: {@link #SANDBOX} or {@link #PRODUCTION}
 * @param partnerId the partner id exactly as Smile ID issued it (leading zeros kept: it is signed)
 * @param apiKey the signature API key from the Smile ID portal
 * @param callbackUrl sent with each job: where Smile ID posts its signed callback when the job
 *     completes (a trigger to poll, never a verdict); may be empty, since the service polls too
 * @param timings timeouts, retries, the wait for a verdict within a selfie's request, the circuit
 */
public record SmileIdSettings(
    URI baseUrl, String partnerId, String apiKey, String callbackUrl, VendorTimings timings) {
  public static final URI SANDBOX = URI.create("https://testapi.smileidentity.com/v1/");
  public static final URI PRODUCTION = URI.create("https://api.smileidentity.com/v1/");

  public SmileIdSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(partnerId, "partnerId");
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(callbackUrl, "callbackUrl");
    Objects.requireNonNull(timings, "timings");
    if (!baseUrl.getPath().endsWith("/")) {
      throw new IllegalArgumentException("the Smile ID base URL must end with '/'");
    }
    if (partnerId.isBlank() || apiKey.isBlank()) {
      throw new IllegalArgumentException("the Smile ID partner id and API key are required");
    }
  }

  /** Settings with {@linkplain VendorTimings#production production timings}. */
  public static SmileIdSettings of(URI baseUrl, String partnerId, String apiKey, String callback) {
    return new SmileIdSettings(baseUrl, partnerId, apiKey, callback, VendorTimings.production());
  }

  @Override
  public String toString() {
    return "SmileIdSettings[" + baseUrl + ", partner=" + partnerId + ", apiKey=***]";
  }
}
