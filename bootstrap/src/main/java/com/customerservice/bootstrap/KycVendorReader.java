package com.customerservice.bootstrap;

import com.customerservice.adapter.kyc.vendor.VendorTimings;
import com.customerservice.domain.port.DocumentCatalogue;
import com.customerservice.domain.port.KycVerifier;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How one KYC vendor's settings are read and checked, and what they build: one class per vendor,
 * listed in {@link KycProviders}.
 *
 * @param <S> the vendor client's own settings
 */
abstract class KycVendorReader<S> {
  private final String provider;
  private final String prefix;

  /**
   * The reader of vendor {@code provider} (its name, as {@code KYC_PROVIDER} and the checks it
   * started spell it), whose settings' names start with {@code prefix} ({@code ONFIDO_}): any of
   * them set configures it.
   */
  KycVendorReader(String provider, String prefix) {
    this.provider = provider;
    this.prefix = prefix;
  }

  final String provider() {
    return provider;
  }

  final String prefix() {
    return prefix;
  }

  /**
   * Reads and checks the vendor's settings, noting each problem on {@code settings}, one line per
   * setting; empty when there was one.
   */
  final Optional<S> read(Settings settings, Mode mode, VendorTimings timings) {
    int before = settings.problemCount();
    Supplier<S> read = check(settings, mode, timings);
    return settings.problemCount() > before ? Optional.empty() : Optional.of(read.get());
  }

  /**
   * Reads and checks the settings, noting each problem on {@code settings}; what makes the client's
   * settings of them, asked only when no problem was noted.
   */
  abstract Supplier<S> check(Settings settings, Mode mode, VendorTimings timings);

  abstract KycVerifier verifier(S settings, DocumentCatalogue catalogue, Clock clock);

  /** The longest {@code KYC_VERDICT_WAIT} may be: a client should not hang on longer. */
  static final Duration LONGEST_VERDICT_WAIT = Duration.ofSeconds(25);

  /**
   * Every vendor client's timings: production's, with a selfie's request waiting {@code
   * KYC_VERDICT_WAIT} for the verdict (default 8 s; {@code PT0S} never waits: every verdict then
   * arrives by poll or callback). Read once, whichever vendors are configured.
   */
  static VendorTimings timings(Settings settings) {
    VendorTimings production = VendorTimings.production();
    return production.withVerdictWait(
        settings.duration(
            "KYC_VERDICT_WAIT", production.verdictWait(), Duration.ZERO, LONGEST_VERDICT_WAIT));
  }
}
