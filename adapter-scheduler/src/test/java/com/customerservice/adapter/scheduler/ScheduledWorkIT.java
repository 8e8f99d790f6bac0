package com.customerservice.adapter.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.customerservice.adapter.persistence.PostgresDatabase;
import com.customerservice.adapter.persistence.TestDatabase;
import com.customerservice.application.UseCases;
import com.customerservice.application.background.BackgroundWork;
import com.customerservice.application.port.in.ListDeliveriesUseCase;
import com.customerservice.application.port.in.ManageWebhookEndpointsUseCase;
import com.customerservice.domain.idempotency.Claim;
import com.customerservice.domain.idempotency.IdempotencyKey;
import com.customerservice.domain.idempotency.IdempotencyPolicy;
import com.customerservice.domain.idempotency.IdempotentRequest;
import com.customerservice.domain.idempotency.KeptAnswer;
import com.customerservice.domain.port.WorkQueue;
import com.customerservice.domain.port.WorkQueue.Work;
import com.customerservice.domain.webhook.DeliveryId;
import com.customerservice.domain.webhook.WebhookDelivery;
import com.customerservice.domain.webhook.WebhookEndpoint;
import com.customerservice.testkit.fakes.RecordingWebhookSender;
import com.customerservice.testkit.fakes.ScriptedKycVerifier;
import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The relay and the deliveries on db-scheduler over PostgreSQL, driven by hand on a settable clock:
 * the retry schedule in minutes and hours runs in milliseconds, and nothing waits.
 */
class ScheduledWorkIT {
  private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

  private final SettableClock time = new SettableClock();
  private PostgresDatabase database;
  private ScheduledInstance service;
  private ScheduledWork work;
  private ManualScheduler scheduler;
  private UseCases useCases;
  private RecordingWebhookSender webhooks;

  @BeforeEach
  void start() {
    time.set(T0);
    database = TestDatabase.fresh();
    service = new ScheduledInstance(database, time, new ScriptedKycVerifier());
    work = service.work;
    scheduler = service.scheduler;
    useCases = service.useCases;
    webhooks = service.webhooks;
  }

  @AfterEach
  void stop() {
    service.close();
    database.close();
  }

  private void onboard(String phone) {
    service.onboard(phone);
  }

  private WebhookEndpoint endpoint() {
    return useCases
        .webhookEndpoints()
        .create(
            new ManageWebhookEndpointsUseCase.Create(
                "https://receiver.example.com/hooks", List.of("*"), Optional.empty()));
  }

  private List<WebhookDelivery> deliveries(WebhookEndpoint endpoint) {
    return useCases
        .deliveries()
        .list(endpoint.id().value(), new ListDeliveriesUseCase.Query(100, Optional.empty()))
        .deliveries();
  }

  /** Runs what is due now, twice: the relay's deliveries become due in the first run. */
  private void runDue() {
    service.runDue();
  }

  private int waitingExecutions() {
    return Jdbi.create(database.transactionalDataSource())
        .withHandle(
            h ->
                h.createQuery("SELECT count(*) FROM scheduled_tasks WHERE task_name = :task")
                    .bind("task", WorkQueue.Kind.WEBHOOK_DELIVERY.taskName())
                    .mapTo(Integer.class)
                    .one());
  }

  @Test
  void aReceiverThatFailsTwiceThenSucceedsGetsExactlyTheRetries() {
    WebhookEndpoint endpoint = endpoint();
    webhooks.answer(500, 503, 200);
    onboard("+258841000001");

    runDue();
    assertThat(webhooks.sent()).hasSize(1);

    time.tick(Duration.ofSeconds(4));
    runDue();
    assertThat(webhooks.sent()).as("not due before 5 s").hasSize(1);

    time.tick(Duration.ofSeconds(1));
    runDue();
    assertThat(webhooks.sent()).hasSize(2);

    time.tick(Duration.ofMinutes(5));
    runDue();

    WebhookDelivery delivery = deliveries(endpoint).get(0);
    assertThat(delivery.status()).isEqualTo(WebhookDelivery.Status.DELIVERED);
    assertThat(delivery.attempts())
        .extracting(a -> a.statusCode().getAsInt())
        .containsExactly(500, 503, 200);
    assertThat(waitingExecutions()).isZero();

    time.tick(Duration.ofDays(2));
    runDue();
    assertThat(webhooks.sent()).hasSize(3);
  }

  @Test
  void expiredIdempotencyKeysAreDeletedByTheRecurringCleanUp() throws Exception {
    assertThat(useCases.idempotency().begin(request("running"))).isInstanceOf(Claim.Granted.class);
    Claim.Granted claim = (Claim.Granted) useCases.idempotency().begin(request("answered"));
    useCases.idempotency().finish(request("answered"), claim, new KeptAnswer("{}", new byte[0]));
    scheduler.runAnyDueExecutions();
    assertThat(storedKeys()).isEqualTo(2);

    time.tick(IdempotencyPolicy.DEFAULT_RETENTION.plus(BackgroundWork.KEY_EXPIRY_EVERY));
    scheduler.runAnyDueExecutions();

    assertThat(storedKeys()).isZero();
  }

  private long storedKeys() throws Exception {
    try (var connection = database.transactionalDataSource().getConnection();
        var rows =
            connection.createStatement().executeQuery("SELECT count(*) FROM idempotency_key")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static IdempotentRequest request(String key) {
    return new IdempotentRequest("mobile-app", new IdempotencyKey(key), "fingerprint");
  }

  @Test
  void aDeliveryEnqueuedInATransactionThatRollsBackIsNotScheduled() {
    assertThatThrownBy(
            () ->
                database
                    .unitOfWork()
                    .inTransaction(
                        () -> {
                          work.enqueue(Work.delivery(DeliveryId.KIND.next(new SecureRandom())), T0);
                          throw new IllegalStateException("the relay fails mid-batch");
                        }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(waitingExecutions()).isZero();

    database
        .unitOfWork()
        .inTransaction(
            () -> work.enqueue(Work.delivery(DeliveryId.KIND.next(new SecureRandom())), T0));
    assertThat(waitingExecutions()).isOne();
  }

  @Test
  void eventsBeforeAnEndpointExistedAreNotSentToIt() {
    onboard("+258841000002");
    runDue();
    WebhookEndpoint endpoint = endpoint();
    time.tick(Duration.ofSeconds(1));
    runDue();
    assertThat(deliveries(endpoint)).isEmpty();

    onboard("+258841000003");
    time.tick(Duration.ofSeconds(1)); // the relay runs a second after its last run
    runDue();
    assertThat(deliveries(endpoint)).hasSize(1);
  }
}
