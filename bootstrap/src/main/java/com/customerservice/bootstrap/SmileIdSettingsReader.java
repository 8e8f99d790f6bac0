package com.customerservice.bootstrap;

import com.customerservice.adapter.kyc.smileid.SmileIdKycVerifier;
import com.customerservice.adapter.kyc.smileid.SmileIdSettings;
import com.customerservice.adapter.kyc.vendor.VendorTimings;
import com.customerservice.domain.port.DocumentCatalogue;
import com.customerservice.domain.port.KycVerifier;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Smile ID's settings: {@code SMILE_ID_PARTNER_ID}, {@code SMILE_ID_API_KEY} (or {@code _FILE}),
 * {@code SMILE_ID_BASE_URL} (Smile ID's sandbox or production API by the service's mode), {@code
 * SMILE_ID_CALLBACK_URL}.
 */
final class SmileIdSettingsReader extends KycVendorReader<SmileIdSettings> {

  SmileIdSettingsReader() {
    super("smile_id", "SMILE_ID_");
  }

  @Override
  Supplier<SmileIdSettings> check(Settings settings, Mode mode, VendorTimings timings) {
    Optional<String> partnerId = settings.text("SMILE_ID_PARTNER_ID");
    Optional<String> apiKey = settings.secretText("SMILE_ID_API_KEY");
    // Kept exactly as Smile ID's portal shows it: ids such as 085 are signed with their zeros.
    if (partnerId.filter(id -> id.matches("[0-9]{1,12}")).isEmpty()) {
      settings.problem(
          "SMILE_ID_PARTNER_ID",
          "required with Smile ID (the digits Smile ID issued, leading zeros included)");
    }
    if (apiKey.isEmpty()) {
      settings.problem("SMILE_ID_API_KEY", "required with Smile ID (or SMILE_ID_API_KEY_FILE)");
    }
    URI defaultUrl = mode == Mode.PRODUCTION ? SmileIdSettings.PRODUCTION : SmileIdSettings.SANDBOX;
    String baseUrl = settings.text("SMILE_ID_BASE_URL").orElse(defaultUrl.toString());
    Optional<URI> base = settings.vendorUrl("SMILE_ID_BASE_URL", baseUrl, mode == Mode.SANDBOX);
    if (!baseUrl.endsWith("/")) {
      settings.problem("SMILE_ID_BASE_URL", "must end with '/'");
    }
    // Where Smile ID posts: https in production; a sandbox may take a loopback address, to see a
    // callback arrive from a local fake.
    String callback = settings.text("SMILE_ID_CALLBACK_URL").orElse("");
    if (!callback.isEmpty()) {
      settings.vendorUrl("SMILE_ID_CALLBACK_URL", callback, mode == Mode.SANDBOX);
    }
    return () ->
        new SmileIdSettings(
            base.orElseThrow(), partnerId.orElseThrow(), apiKey.orElseThrow(), callback, timings);
  }

  @Override
  KycVerifier verifier(SmileIdSettings settings, DocumentCatalogue catalogue, Clock clock) {
    return new SmileIdKycVerifier(settings, catalogue, clock);
  }
}
