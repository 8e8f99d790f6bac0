package com.customerservice.adapter.kyc.smileid;

import com.customerservice.adapter.kyc.vendor.TestTimings;
import com.customerservice.adapter.kyc.vendor.VendorTestBed;
import com.customerservice.domain.port.KycVerifier.VendorMessage;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One test's Smile ID: the fake, the inbox its callbacks land in, one customer, and clients of the
 * fake with {@linkplain TestTimings short timings}.
 */
final class SmileIdTestBed extends VendorTestBed {
  static final Duration REQUEST_TIMEOUT = TestTimings.REQUEST_TIMEOUT;

  final FakeSmileId fake = new FakeSmileId(REQUEST_TIMEOUT.toMillis() * 3);
  final CallbackInbox inbox = new CallbackInbox();

  /** Settings for {@code smileId} as partner {@code partnerId}, waiting {@code verdictWait}. */
  SmileIdSettings settings(FakeSmileId smileId, String partnerId, Duration verdictWait) {
    return new SmileIdSettings(
        smileId.baseUrl(),
        partnerId,
        FakeSmileId.API_KEY,
        inbox.url(),
        TestTimings.fast(verdictWait));
  }

  SmileIdKycVerifier verifier(Duration verdictWait) {
    return verifier(verdictWait, Clock.systemUTC());
  }

  SmileIdKycVerifier verifier(Duration verdictWait, Clock clock) {
    return new SmileIdKycVerifier(
        settings(fake, FakeSmileId.PARTNER_ID, verdictWait), CATALOGUE, clock);
  }

  /**
   * A callback of Smile ID's shape about {@code jobId}, approving it, signed at {@code at} with
   * {@code apiKey} (Smile ID's own {@link FakeSmileId#API_KEY}, or another key for a forgery).
   */
  static VendorMessage callbackAbout(String jobId, String apiKey, Instant at) {
    ObjectNode body = FakeSmileId.documentVerified("2031-05-01");
    body.putObject("PartnerParams").put("job_id", jobId).put("job_type", 6);
    SmileIdSignature.Signed signed = new SmileIdSignature(FakeSmileId.PARTNER_ID, apiKey).sign(at);
    body.put("signature", signed.signature());
    body.put("timestamp", signed.timestamp());
    return new FakeSmileId.Callback(body.toString().getBytes(StandardCharsets.UTF_8)).message();
  }

  @Override
  public void close() {
    fake.close();
    inbox.close();
  }
}
