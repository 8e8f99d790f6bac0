package com.customerservice.domain.verification;

import com.customerservice.domain.customer.PhoneNumber;
import com.customerservice.domain.error.InvalidValueException;
import com.customerservice.domain.limit.RateLimit;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where and how often one-time codes may be sent, against SMS pumping: only to mobile numbers of
 * the allowed countries, and within a budget per caller and one for the whole service (each
 * optional: a sandbox that sends nothing needs none).
 *
 * @param allowedCountries ISO 3166-1 alpha-2 codes, such as {@code MZ}
 */
public record OtpSendPolicy(
    Set<String> allowedCountries, Optional<RateLimit> perCaller, Optional<RateLimit> overall) {
  public static final Set<String> DEFAULT_COUNTRIES = Set.of("MZ");
  public static final long DEFAULT_PER_CALLER_PER_MINUTE = 60;
  public static final long DEFAULT_OVERALL_PER_HOUR = 1_000;
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

  public OtpSendPolicy {
    allowedCountries = Set.copyOf(allowedCountries);
    Objects.requireNonNull(perCaller, "perCaller");
    Objects.requireNonNull(overall, "overall");
    if (allowedCountries.isEmpty()) {
      throw new IllegalArgumentException("codes must be allowed to at least one country");
    }
    for (String country : allowedCountries) {
      if (!COUNTRY.matcher(country).matches()) {
        throw new IllegalArgumentException("not an ISO 3166-1 alpha-2 country code: " + country);
      }
    }
  }

  /** Mozambique only, no budgets: what a sandbox that sends nothing needs. */
  public static OtpSendPolicy unlimited() {
    return new OtpSendPolicy(DEFAULT_COUNTRIES, Optional.empty(), Optional.empty());
  }

  /** The budget of codes one caller may have sent per minute. */
  public static RateLimit perCallerPerMinute(long count) {
    return RateLimit.per(
        "otp_sends_per_key",
        count,
        Duration.ofMinutes(1),
        "Too many verification codes were requested with this API key; slow down");
  }

  /** The budget of codes the whole service may send per hour. */
  public static RateLimit overallPerHour(long count) {
    return RateLimit.per(
        "otp_sends",
        count,
        Duration.ofHours(1),
        "The service has sent as many verification codes as it may this hour; try again later");
  }

  /** The default budgets, for a service that sends real SMS. */
  public static OtpSendPolicy withDefaultBudgets(Set<String> allowedCountries) {
    return new OtpSendPolicy(
        allowedCountries,
        Optional.of(perCallerPerMinute(DEFAULT_PER_CALLER_PER_MINUTE)),
        Optional.of(overallPerHour(DEFAULT_OVERALL_PER_HOUR)));
  }

  /** Refuses a number a code must not be sent to (a landline, a premium or foreign number). */
  public void requireSendable(PhoneNumber phone) {
    Optional<String> region = phone.mobileRegion();
    if (region.isEmpty() || !allowedCountries.contains(region.get().toUpperCase(Locale.ROOT))) {
      throw new InvalidValueException(
          "phone_number_unsupported",
          PhoneNumber.FIELD,
          "Verification codes are sent only to mobile numbers of "
              + String.join(", ", allowedCountries.stream().sorted().toList()));
    }
  }
}
