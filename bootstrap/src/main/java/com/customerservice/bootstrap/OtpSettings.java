package com.customerservice.bootstrap;

import com.customerservice.domain.limit.RateLimit;
import com.customerservice.domain.verification.OtpSendPolicy;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where one-time codes go and how many may go: {@code OTP_SENDER} ({@code sandbox}, {@code log} or
 * {@code twilio} with its {@code TWILIO_…} settings), {@code OTP_ALLOWED_COUNTRIES} and the send
 * budgets, read and checked together.
 *
 * @param sender the sender's name, as {@code OTP_SENDER} spells it
 * @param sms Twilio's settings, with {@code OTP_SENDER=twilio}
 * @param policy the countries codes may go to and the send budgets
 */
record OtpSettings(String sender, Optional<Configuration.Sms> sms, OtpSendPolicy policy) {

  static OtpSettings read(Settings settings, Mode mode) {
    String sender =
        settings.text("OTP_SENDER").orElse(Configuration.SANDBOX).toLowerCase(Locale.ROOT);
    if (!List.of(Configuration.SANDBOX, "log", Configuration.TWILIO).contains(sender)) {
      settings.problem(
          "OTP_SENDER", "unknown sender '" + sender + "' (known: sandbox, log, twilio)");
    }
    boolean twilio = sender.equals(Configuration.TWILIO);
    return new OtpSettings(
        sender,
        twilio ? Optional.of(twilio(settings, mode)) : Optional.empty(),
        policy(settings, twilio));
  }

  /**
   * Where codes may go, and the send budgets: on by default with a real SMS sender, where every
   * code costs money; with the sandbox sender nothing is sent, so only when set explicitly.
   */
  private static OtpSendPolicy policy(Settings settings, boolean realSender) {
    Set<String> countries = countries(settings);
    Optional<RateLimit> perKey =
        budget(
                settings,
                "OTP_SENDS_PER_KEY_PER_MINUTE",
                OtpSendPolicy.DEFAULT_PER_CALLER_PER_MINUTE,
                realSender)
            .map(OtpSendPolicy::perCallerPerMinute);
    Optional<RateLimit> overall =
        budget(settings, "OTP_SENDS_PER_HOUR", OtpSendPolicy.DEFAULT_OVERALL_PER_HOUR, realSender)
            .map(OtpSendPolicy::overallPerHour);
    return new OtpSendPolicy(countries, perKey, overall);
  }

  private static Optional<Long> budget(
      Settings settings, String name, long fallback, boolean onByDefault) {
    if (!settings.isSet(name)) {
      return onByDefault ? Optional.of(fallback) : Optional.empty();
    }
    return Optional.of(settings.number(name, fallback, 1, 10_000_000));
  }

  private static Set<String> countries(Settings settings) {
    Set<String> supported = PhoneNumberUtil.getInstance().getSupportedRegions();
    Set<String> countries = new TreeSet<>();
    for (String code :
        settings
            .text("OTP_ALLOWED_COUNTRIES")
            .map(v -> v.split(","))
            .orElse(OtpSendPolicy.DEFAULT_COUNTRIES.toArray(String[]::new))) {
      String country = code.strip().toUpperCase(Locale.ROOT);
      if (supported.contains(country)) {
        countries.add(country);
      } else if (!country.isEmpty()) {
        settings.problem(
            "OTP_ALLOWED_COUNTRIES",
            "'" + Echoes.cut(country) + "' is not an ISO 3166-1 alpha-2 country code");
      }
    }
    if (countries.isEmpty()) {
      settings.problem("OTP_ALLOWED_COUNTRIES", "must name at least one country, such as MZ");
      return OtpSendPolicy.DEFAULT_COUNTRIES;
    }
    return countries;
  }

  private static Configuration.Sms twilio(Settings settings, Mode mode) {
    Optional<String> sid = settings.text("TWILIO_ACCOUNT_SID");
    Optional<String> token = settings.secretText("TWILIO_AUTH_TOKEN");
    Optional<String> from = settings.text("TWILIO_FROM");
    if (sid.isEmpty()) {
      settings.problem("TWILIO_ACCOUNT_SID", "required when OTP_SENDER=twilio");
    }
    if (token.isEmpty()) {
      settings.problem(
          "TWILIO_AUTH_TOKEN", "required when OTP_SENDER=twilio (or TWILIO_AUTH_TOKEN_FILE)");
    }
    if (from.isEmpty()) {
      settings.problem(
          "TWILIO_FROM",
          "required when OTP_SENDER=twilio (a sender number or an MG… messaging service)");
    }
    Optional<String> baseUrl = settings.text("TWILIO_BASE_URL");
    baseUrl.ifPresent(url -> settings.vendorUrl("TWILIO_BASE_URL", url, mode == Mode.SANDBOX));
    return new Configuration.Sms(sid.orElse(""), token.orElse(""), from.orElse(""), baseUrl);
  }
}
