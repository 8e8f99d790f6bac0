package com.customerservice.bootstrap;

import com.customerservice.adapter.kyc.SandboxKycVerifier;
import com.customerservice.adapter.kyc.vendor.VendorTimings;
import com.customerservice.domain.port.DocumentCatalogue;
import com.customerservice.domain.port.KycVendors;
import com.customerservice.domain.port.KycVerifier;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The KYC providers this service knows, by the name {@code KYC_PROVIDER} gives them: the one place
 * a vendor is added (its {@link KycVendorReader} in {@link #VENDORS}). {@code KYC_PROVIDER} chooses
 * the vendor new checks go to; every other vendor whose settings are present is built as well, so
 * that checks in flight when an operator switches vendors finish with the vendor that started them.
 * A sandbox service also keeps the sandbox provider for its own checks.
 */
final class KycProviders {
  static final String SANDBOX = "sandbox";

  /** The vendors with settings of their own, in the order the README lists them. */
  private static final List<KycVendorReader<?>> VENDORS =
      List.of(new SmileIdSettingsReader(), new OnfidoSettingsReader());

  /** A vendor whose settings were read: what builds its client. */
  record Configured<S>(KycVendorReader<S> reader, S settings) {
    String name() {
      return reader.provider();
    }

    KycVerifier verifier(DocumentCatalogue catalogue, Clock clock) {
      return reader.verifier(settings, catalogue, clock);
    }
  }

  private final String active;
  private final List<Configured<?>> configured;
  private final boolean sandboxKept;

  private KycProviders(String active, List<Configured<?>> configured, boolean sandboxKept) {
    this.active = active;
    this.configured = List.copyOf(configured);
    this.sandboxKept = sandboxKept;
  }

  /** Every provider's name, as {@code KYC_PROVIDER} takes it. */
  static List<String> names() {
    return Stream.concat(Stream.of(SANDBOX), VENDORS.stream().map(KycVendorReader::provider))
        .toList();
  }

  /**
   * Reads {@code KYC_PROVIDER} and the settings of the vendor it names and of every vendor any of
   * whose settings is set; each problem is noted on {@code settings}.
   */
  static KycProviders read(Settings settings, Mode mode) {
    String active = settings.text("KYC_PROVIDER").orElse(SANDBOX).toLowerCase(Locale.ROOT);
    if (!names().contains(active)) {
      settings.problem(
          "KYC_PROVIDER",
          "unknown provider '"
              + Echoes.cut(active)
              + "' (known: "
              + String.join(", ", names())
              + ")");
    }
    if (active.equals(SANDBOX) && mode == Mode.PRODUCTION) {
      settings.problem("KYC_PROVIDER", "production mode refuses the sandbox KYC provider");
    }
    List<Configured<?>> configured = new ArrayList<>();
    VendorTimings timings = KycVendorReader.timings(settings);
    for (KycVendorReader<?> vendor : VENDORS) {
      if (vendor.provider().equals(active) || settings.anySet(vendor.prefix())) {
        read(vendor, settings, mode, timings).ifPresent(configured::add);
      }
    }
    return new KycProviders(active, configured, mode == Mode.SANDBOX);
  }

  private static <S> Optional<Configured<?>> read(
      KycVendorReader<S> vendor, Settings settings, Mode mode, VendorTimings timings) {
    return vendor.read(settings, mode, timings).map(read -> new Configured<>(vendor, read));
  }

  /** The provider new checks go to. */
  String active() {
    return active;
  }

  boolean isSandbox() {
    return active.equals(SANDBOX);
  }

  /** The settings read for the vendor {@code name}, if it is configured. */
  Optional<Object> settings(String name) {
    return configured.stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .map(Configured::settings);
  }

  /** The clients: the active provider's for new checks, the others' to finish theirs. */
  KycVendors vendors(DocumentCatalogue catalogue, Clock clock) {
    List<KycVerifier> all = new ArrayList<>();
    configured.forEach(vendor -> all.add(vendor.verifier(catalogue, clock)));
    if (sandboxKept || isSandbox()) {
      all.add(new SandboxKycVerifier(clock));
    }
    KycVerifier chosen =
        all.stream()
            .filter(vendor -> vendor.name().equals(active))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("KYC provider " + active + " not built"));
    return KycVendors.of(chosen, all.stream().filter(vendor -> vendor != chosen).toList());
  }

  @Override
  public String toString() {
    // Each vendor's settings say where it is and never their secrets.
    return active
        + configured.stream()
            .map(c -> c.name() + "=" + c.settings())
            .collect(
                Collectors.joining(
                    ", ", configured.isEmpty() ? "" : " [", configured.isEmpty() ? "" : "]"));
  }
}
