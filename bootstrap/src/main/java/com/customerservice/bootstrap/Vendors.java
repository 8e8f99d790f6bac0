package com.customerservice.bootstrap;

import com.customerservice.adapter.kyc.FileDocumentCatalogue;
import com.customerservice.adapter.sms.TwilioOtpSender;
import com.customerservice.domain.port.DocumentCatalogue;
import com.customerservice.domain.port.KycVendors;
import com.customerservice.domain.port.OtpSender;
import java.net.URI;
import java.time.Clock;

/** The configured vendors: the SMS gateway, the KYC provider and the document catalogue. */
final class Vendors {
  private Vendors() {}

  static OtpSender otpSender(Configuration configuration) {
    return switch (configuration.otpSender()) {
      case Configuration.TWILIO -> twilio(configuration.sms().orElseThrow());
      case "log" -> OtpSenders.log();
      default -> OtpSenders.sandbox();
    };
  }

  /** The configured KYC vendors: the active one for new checks, the others to finish theirs. */
  static KycVendors kycVendors(
      Configuration configuration, DocumentCatalogue catalogue, Clock clock) {
    return configuration.kyc().vendors(catalogue, clock);
  }

  static DocumentCatalogue catalogue(Configuration configuration) {
    return configuration
        .documentTypesFile()
        .<DocumentCatalogue>map(FileDocumentCatalogue::fromFile)
        .orElseGet(FileDocumentCatalogue::bundled);
  }

  private static OtpSender twilio(Configuration.Sms sms) {
    var settings = TwilioOtpSender.Settings.of(sms.accountSid(), sms.authToken(), sms.from());
    return new TwilioOtpSender(
        sms.baseUrl().map(URI::create).map(settings::withBaseUrl).orElse(settings));
  }
}
