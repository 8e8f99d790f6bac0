package com.customerservice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerservice.adapter.http.response.EventResponse;
import com.customerservice.adapter.kyc.FileDocumentCatalogue;
import com.customerservice.adapter.kyc.SandboxKycVerifier;
import com.customerservice.adapter.webhooks.HttpWebhookSender;
import com.customerservice.application.UseCases;
import com.customerservice.application.background.BackgroundWork;
import com.customerservice.application.context.PerThreadCallContext;
import com.customerservice.application.port.in.InitiateCustomerCreationUseCase;
import com.customerservice.application.port.in.VerifyPhoneUseCase;
import com.customerservice.domain.customer.PhoneNumber;
import com.customerservice.domain.port.KycVendors;
import com.customerservice.domain.port.OtpSender;
import com.customerservice.domain.port.WebhookSender;
import com.customerservice.domain.shared.HmacKey;
import com.customerservice.domain.verification.OtpCode;
import com.customerservice.testkit.memory.InMemoryStorage;
import com.customerservice.testkit.memory.InMemoryWorkQueue;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * What the README shows a team that embeds the domain in its own JVM service: the whole core from
 * one call, over their own adapters (here the test kit's in-memory storage, a stand-in SMS gateway
 * and the sandbox KYC provider).
 */
class EmbeddingExampleTest {

  @Test
  void onboardsACustomerThroughTheUseCasesAlone() {
    AtomicReference<OtpCode> lastSms = new AtomicReference<>();
    OtpSender yourSmsGateway = (phone, code) -> lastSms.set(code);
    Clock clock = Clock.systemUTC();
    InMemoryStorage yourStorage = new InMemoryStorage(clock);
    // Events become webhook deliveries, and pending KYC checks are followed up, through a queue of
    // later work: the service's own adapters (HttpWebhookSender, ScheduledWork), yours, or the
    // test kit's.
    WebhookSender yourWebhooks =
        new HttpWebhookSender(HttpWebhookSender.Settings.production(), EventResponse::payload);
    InMemoryWorkQueue yourQueue = new InMemoryWorkQueue(yourStorage.unitOfWork());
    PerThreadCallContext calls = new PerThreadCallContext();
    byte[] secretBytes = "a secret of at least 32 bytes!!!".getBytes(StandardCharsets.UTF_8);

    var useCases =
        UseCases.wire(
            new UseCases.Ports(
                yourStorage,
                yourSmsGateway,
                KycVendors.only(new SandboxKycVerifier(clock)),
                FileDocumentCatalogue.bundled(),
                calls,
                yourWebhooks,
                yourQueue),
            UseCases.Policies.defaults(new HmacKey(secretBytes)),
            clock,
            new SecureRandom());

    var started =
        useCases
            .initiate()
            .initiate(
                new InitiateCustomerCreationUseCase.Command(new PhoneNumber("+258841234567")));
    var verified =
        useCases
            .verify()
            .verify(new VerifyPhoneUseCase.Command(started.sessionId().value(), lastSms.get()));

    assertThat(useCases.get().get(verified.customerId().value()).phone().e164())
        .isEqualTo("+258841234567");

    // The jobs that run later, listed once; run them on your scheduler (here: now, once).
    BackgroundWork jobs = BackgroundWork.of(useCases, calls);
    jobs.runRecurring();
    yourQueue.runDue(clock.instant(), jobs::run);
  }
}
