package com.customerservice.bootstrap;

import com.customerservice.adapter.kyc.onfido.OnfidoKycVerifier;
import com.customerservice.adapter.kyc.onfido.OnfidoSettings;
import com.customerservice.adapter.kyc.vendor.VendorTimings;
import com.customerservice.domain.port.DocumentCatalogue;
import com.customerservice.domain.port.KycVerifier;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Onfido's settings: {@code ONFIDO_API_TOKEN} (or {@code _FILE}), {@code ONFIDO_REGION} ({@code eu}
 * by default, {@code us}, {@code ca}) or {@code ONFIDO_BASE_URL}, and {@code ONFIDO_WEBHOOK_TOKEN}
 * (or {@code _FILE}), the secret Onfido answered when the webhook to {@code
 * /v1/kyc/callbacks/onfido} was registered. Onfido's sandbox is chosen by the token, not the host,
 * so production refuses a sandbox token.
 */
final class OnfidoSettingsReader extends KycVendorReader<OnfidoSettings> {
  private static final String SANDBOX_TOKEN = "api_sandbox";

  OnfidoSettingsReader() {
    super("onfido", "ONFIDO_");
  }

  @Override
  Supplier<OnfidoSettings> check(Settings settings, Mode mode, VendorTimings timings) {
    Optional<String> apiToken = settings.secretText("ONFIDO_API_TOKEN");
    Optional<String> webhookToken = settings.secretText("ONFIDO_WEBHOOK_TOKEN");
    if (apiToken.isEmpty()) {
      settings.problem("ONFIDO_API_TOKEN", "required with Onfido (or ONFIDO_API_TOKEN_FILE)");
    } else if (mode == Mode.PRODUCTION && apiToken.get().startsWith(SANDBOX_TOKEN)) {
      settings.problem(
          "ONFIDO_API_TOKEN", "is an Onfido sandbox token; production mode needs a live one");
    }
    if (webhookToken.isEmpty()) {
      settings.problem(
          "ONFIDO_WEBHOOK_TOKEN",
          "required with Onfido (or ONFIDO_WEBHOOK_TOKEN_FILE): the token Onfido answered when"
              + " the webhook to /v1/kyc/callbacks/onfido was registered");
    }
    Optional<URI> baseUrl = baseUrl(settings, mode);
    return () ->
        new OnfidoSettings(
            baseUrl.orElseThrow(), apiToken.orElseThrow(), webhookToken.orElseThrow(), timings);
  }

  /** The region's host, or an address of the operator's (a local fake in a sandbox). */
  private static Optional<URI> baseUrl(Settings settings, Mode mode) {
    Optional<String> region = settings.text("ONFIDO_REGION");
    Optional<String> url = settings.text("ONFIDO_BASE_URL");
    if (url.isPresent()) {
      if (region.isPresent()) {
        settings.problem("ONFIDO_BASE_URL", "set ONFIDO_REGION or ONFIDO_BASE_URL, not both");
      }
      if (!url.get().endsWith("/")) {
        settings.problem("ONFIDO_BASE_URL", "must end with '/' (the API root, such as …/v3.6/)");
      }
      return settings.vendorUrl("ONFIDO_BASE_URL", url.get(), mode == Mode.SANDBOX);
    }
    Optional<OnfidoSettings.Region> known =
        OnfidoSettings.Region.fromCode(region.orElse(OnfidoSettings.Region.EU.code()));
    if (known.isEmpty()) {
      settings.problem(
          "ONFIDO_REGION", "must be eu, us or ca, not '" + Echoes.cut(region.orElseThrow()) + "'");
    }
    return known.map(OnfidoSettings.Region::baseUrl);
  }

  @Override
  KycVerifier verifier(OnfidoSettings settings, DocumentCatalogue catalogue, Clock clock) {
    return new OnfidoKycVerifier(settings, catalogue, clock);
  }
}
