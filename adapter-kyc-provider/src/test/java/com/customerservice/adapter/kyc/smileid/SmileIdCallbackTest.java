package com.customerservice.adapter.kyc.smileid;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerservice.domain.kyc.Refusal;
import com.customerservice.domain.kyc.VendorJob;
import com.customerservice.domain.kyc.Verdict;
import com.customerservice.domain.port.KycVerifier.CallbackReading;
import com.customerservice.domain.port.KycVerifier.Poll;
import com.customerservice.domain.port.KycVerifier.SelfieCheck;
import com.customerservice.domain.port.KycVerifier.VendorMessage;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Smile ID's callbacks: a fresh timestamp signed with our API key names a job to poll, and nothing
 * more, because the signature does not cover the body.
 */
class SmileIdCallbackTest {
  private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
  private static final Duration WAIT = Duration.ofMillis(200);

  private final SmileIdTestBed bed = new SmileIdTestBed();
  private final SmileIdKycVerifier atNow = bed.verifier(WAIT, Clock.fixed(NOW, ZoneOffset.UTC));

  @AfterEach
  void stop() {
    bed.close();
  }

  private static VendorMessage signedAt(Instant at, String jobId) {
    return SmileIdTestBed.callbackAbout(jobId, FakeSmileId.API_KEY, at);
  }

  private static VendorMessage body(String text) {
    return new VendorMessage(text.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  private static String reason(CallbackReading reading) {
    assertThat(reading).isInstanceOf(CallbackReading.NotAuthentic.class);
    return ((CallbackReading.NotAuthentic) reading).reason();
  }

  @Test
  void aFreshCallbackSignedWithOurKeyIsAboutTheJobItNames() {
    assertThat(atNow.readCallback(signedAt(NOW.minusSeconds(30), "job_42")))
        .isEqualTo(new CallbackReading.AboutJob("job_42"));
  }

  @Test
  void aCallbackSignedWithAnotherKeyIsNotAuthentic() {
    VendorMessage forged = SmileIdTestBed.callbackAbout("job_42", "a-guessed-key", NOW);
    assertThat(reason(atNow.readCallback(forged))).contains("signature");
  }

  @Test
  void aTimestampMoreThanFifteenMinutesAwayEitherWayIsStaleEvenWellSigned() {
    Duration limit = SmileIdKycVerifier.CALLBACK_FRESHNESS;
    assertThat(reason(atNow.readCallback(signedAt(NOW.minus(limit).minusMillis(1), "job_42"))))
        .contains("stale");
    assertThat(reason(atNow.readCallback(signedAt(NOW.plus(limit).plusMillis(1), "job_42"))))
        .contains("stale");
    assertThat(atNow.readCallback(signedAt(NOW.minus(limit), "job_42")))
        .isInstanceOf(CallbackReading.AboutJob.class);
  }

  @Test
  void aBodyThatIsNotASignedJsonObjectIsNotAuthentic() {
    for (String body :
        new String[] {
          "",
          "not json",
          "[1, 2]",
          "{\"timestamp\": \"2026-03-01T08:00:00Z\", \"signature\": ",
          "{\"PartnerParams\": {\"job_id\": \"job_42\"}}",
          "{\"timestamp\": 1772352000, \"signature\": \"x\"}",
          "{\"timestamp\": \"yesterday\", \"signature\": \"x\"}",
        }) {
      assertThat(atNow.readCallback(body(body)))
          .as(body)
          .isInstanceOf(CallbackReading.NotAuthentic.class);
    }
  }

  @Test
  void anAuthenticCallbackThatNamesNoJobOfOursIsAboutNoJob() {
    FakeSmileId.Callback signed = new FakeSmileId.Callback(signedAt(NOW, "job_42").body());
    ObjectNode body = signed.json().deepCopy();
    body.remove("PartnerParams");
    assertThat(atNow.readCallback(signed.replayedOver(body)))
        .isEqualTo(new CallbackReading.AboutNoJob());
    assertThat(atNow.readCallback(signedAt(NOW, "<script>alert(1)</script>")))
        .isEqualTo(new CallbackReading.AboutNoJob());
  }

  // The fake's real callbacks

  /** The callback Smile ID sent when it approved a selfie {@code smileId} submitted. */
  private FakeSmileId.Callback callbackOfAnApprovedJob(SmileIdKycVerifier smileId) {
    SelfieCheck check = bed.selfieCheck();
    bed.fake.answer(check.jobId(), FakeSmileId.documentVerified("2031-05-01"));
    smileId.submit(check);
    return bed.inbox.about(check.jobId()).orElseThrow();
  }

  @Test
  void smileIdCallsBackWhenAJobCompletesAndTheCallbackNamesIt() {
    SmileIdKycVerifier smileId = bed.verifier(WAIT);
    FakeSmileId.Callback callback = callbackOfAnApprovedJob(smileId);
    assertThat(callback.json().path("ResultCode").asText()).isEqualTo("0810");
    String jobId = callback.json().path("PartnerParams").path("job_id").asText();
    assertThat(smileId.readCallback(callback.message()))
        .isEqualTo(new CallbackReading.AboutJob(jobId));
  }

  @Test
  void aRealCallbackReadTooLateIsStale() {
    FakeSmileId.Callback callback = callbackOfAnApprovedJob(bed.verifier(WAIT));
    SmileIdKycVerifier later =
        bed.verifier(WAIT, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(16)));
    assertThat(reason(later.readCallback(callback.message()))).contains("stale");
  }

  @Test
  void aReplayedSignatureOverAnotherBodyOnlyTriggersAPollAndThePollsAnswerCounts() {
    SmileIdKycVerifier smileId = bed.verifier(WAIT);
    FakeSmileId.Callback real = callbackOfAnApprovedJob(smileId);

    VendorJob job = smileId.submit(bed.selfieCheck()).job();
    ObjectNode claimsApproval = real.json().deepCopy();
    ((ObjectNode) claimsApproval.path("PartnerParams")).put("job_id", job.reference());

    assertThat(smileId.readCallback(real.replayedOver(claimsApproval)))
        .as("the signature covers no body: the callback is authentic, and only a trigger")
        .isEqualTo(new CallbackReading.AboutJob(job.reference()));
    assertThat(smileId.poll(bed.customer, job)).isEqualTo(new Poll.StillPending());

    bed.fake.finish(job.reference(), FakeSmileId.resultWith("0811", "Liveness_Check", "Failed"));
    Verdict verdict = ((Poll.Decided) smileId.poll(bed.customer, job)).verdict();
    assertThat(((Verdict.Refused) verdict).refusal()).isEqualTo(Refusal.NOT_LIVE);
  }
}
