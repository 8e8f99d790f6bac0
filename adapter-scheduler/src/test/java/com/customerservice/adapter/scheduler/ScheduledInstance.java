package com.customerservice.adapter.scheduler;

import com.customerservice.adapter.persistence.PostgresDatabase;
import com.customerservice.application.UseCases;
import com.customerservice.application.background.BackgroundWork;
import com.customerservice.application.context.PerThreadCallContext;
import com.customerservice.application.port.in.InitiateCustomerCreationUseCase;
import com.customerservice.application.port.in.VerifyPhoneUseCase;
import com.customerservice.application.service.CodeDisclosure;
import com.customerservice.application.service.GetReceiverService;
import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.customer.PhoneNumber;
import com.customerservice.domain.idempotency.IdempotencyPolicy;
import com.customerservice.domain.kyc.KycCheck;
import com.customerservice.domain.port.KycVendors;
import com.customerservice.domain.verification.OtpSendPolicy;
import com.customerservice.domain.webhook.EndpointUrl;
import com.customerservice.testkit.fakes.RecordingOtpSender;
import com.customerservice.testkit.fakes.RecordingWebhookSender;
import com.customerservice.testkit.fakes.ScriptedKycVerifier;
import com.customerservice.testkit.fakes.TestKeys;
import com.customerservice.testkit.memory.InMemoryDocumentCatalogue;
import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import com.github.kagkarlsson.scheduler.testhelper.TestHelper;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * One instance of the service as far as background work goes: every use case over a PostgreSQL
 * database, and the {@link BackgroundWork} on db-scheduler, driven by hand on a clock the test
 * moves. Several instances may share a database (and a clock), as several processes do.
 */
final class ScheduledInstance implements AutoCloseable {
  final RecordingOtpSender sms = new RecordingOtpSender();
  final RecordingWebhookSender webhooks = new RecordingWebhookSender();
  final ScriptedKycVerifier kyc;
  final UseCases useCases;
  final ScheduledWork work;
  final ManualScheduler scheduler;

  ScheduledInstance(PostgresDatabase database, SettableClock time, ScriptedKycVerifier kyc) {
    this.kyc = kyc;
    PerThreadCallContext calls = new PerThreadCallContext();
    this.work =
        new ScheduledWork(
            tasks ->
                TestHelper.createManualScheduler(database.transactionalDataSource(), tasks.known())
                    .clock(time)
                    .startTasks(tasks.startup())
                    .build());
    this.useCases =
        UseCases.wire(
            new UseCases.Ports(
                database,
                sms,
                KycVendors.only(kyc),
                new InMemoryDocumentCatalogue(),
                calls,
                webhooks,
                work),
            new UseCases.Policies(
                TestKeys.hmacKey(),
                CodeDisclosure.NEVER,
                OtpSendPolicy.unlimited(),
                GetReceiverService.lookupsPerSecond(100, 100),
                EndpointUrl.Rules.production(),
                IdempotencyPolicy.defaults(),
                KycCheck.DEFAULT_VERDICT_DEADLINE),
            readingOf(time),
            new SecureRandom());
    work.start(BackgroundWork.of(useCases, calls));
    this.scheduler = (ManualScheduler) work.scheduler();
  }

  /** The application's clock, reading the scheduler's. */
  private static Clock readingOf(SettableClock time) {
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return time.now();
      }
    };
  }

  /** Runs what is due now, twice: work a first run enqueues for now runs in the second. */
  void runDue() {
    scheduler.runAnyDueExecutions();
    scheduler.runAnyDueExecutions();
  }

  CustomerId onboard(String phone) {
    PhoneNumber number = new PhoneNumber(phone);
    var started = useCases.initiate().initiate(new InitiateCustomerCreationUseCase.Command(number));
    return useCases
        .verify()
        .verify(
            new VerifyPhoneUseCase.Command(
                started.sessionId().value(), sms.lastCodeFor(number).orElseThrow()))
        .customerId();
  }

  /** Stops this instance's scheduler; the database stays for the others. */
  @Override
  public void close() {
    work.close();
  }
}
