package com.customerservice.adapter.scheduler;

import com.customerservice.application.port.in.DeliverWebhookUseCase;
import com.customerservice.application.port.in.DispatchEventsUseCase;
import com.customerservice.application.port.in.IdempotencyUseCase;
import com.customerservice.domain.port.DeliveryQueue;
import com.customerservice.domain.webhook.DeliveryId;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The service's background work on db-scheduler, in its own PostgreSQL: the outbox relay and the
 * clean-up of expired idempotency keys (recurring tasks, each run by one instance at a time) and
 * one task per webhook delivery, rescheduled for each retry. Executions live in {@code
 * scheduled_tasks}, so work survives restarts and runs once across instances; an execution whose
 * instance died is revived after its heartbeats stop.
 *
 * <p>Created before the use cases (they enqueue through it), started after them (it runs them).
 */
public final class ScheduledWork implements DeliveryQueue, AutoCloseable {
  static final String DELIVERY_TASK = "webhook-delivery";
  static final String DISPATCH_TASK = "event-dispatch";
  static final String EXPIRY_TASK = "idempotency-expiry";

  /** Expired keys already count as absent; deleting them only keeps the table small. */
  static final Duration EXPIRY_INTERVAL = Duration.ofMinutes(10);

  private final CustomTask<Void> delivery;
  private final RecurringTask<Void> dispatch;
  private final RecurringTask<Void> expiry;
  private final Scheduler scheduler;
  private volatile DeliverWebhookUseCase deliver;
  private volatile DispatchEventsUseCase relay;
  private volatile IdempotencyUseCase keys;

  /** How often work is looked for, how many run at once, when a silent instance counts as dead. */
  public record Settings(
      Duration pollingInterval,
      Duration dispatchInterval,
      int threads,
      Duration heartbeatInterval,
      Clock clock) {
    public Settings {
      Objects.requireNonNull(pollingInterval, "pollingInterval");
      Objects.requireNonNull(dispatchInterval, "dispatchInterval");
      Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
      Objects.requireNonNull(clock, "clock");
      if (threads < 1) {
        throw new IllegalArgumentException("background work needs at least one thread");
      }
    }

    /**
     * Events reach receivers within about a second; a delivery stuck on a dead instance is taken
     * over after a minute (six missed heartbeats of ten seconds, well past the send timeout).
     */
    public static Settings defaults(Clock clock) {
      return new Settings(
          Duration.ofSeconds(1), Duration.ofSeconds(1), 10, Duration.ofSeconds(10), clock);
    }
  }

  /** The tasks a scheduler must know besides those it starts with, and those. */
  record TaskSet(List<Task<?>> known, List<RecurringTask<Void>> startup) {}

  /** Work scheduled through {@code dataSource}, which must join the use cases' transactions. */
  public ScheduledWork(DataSource dataSource, Settings settings) {
    this(
        tasks ->
            Scheduler.create(dataSource, tasks.known())
                .startTasks(tasks.startup())
                .pollingInterval(settings.pollingInterval())
                .threads(settings.threads())
                .heartbeatInterval(settings.heartbeatInterval())
                .clock(() -> settings.clock().instant())
                .build(),
        settings.dispatchInterval());
  }

  /** For tests that drive a scheduler by hand (db-scheduler's {@code ManualScheduler}). */
  ScheduledWork(Function<TaskSet, Scheduler> schedulers, Duration dispatchInterval) {
    this.delivery =
        Tasks.custom(DELIVERY_TASK, Void.class)
            // The use case failed (the database, say): the try was not recorded; run it again.
            .onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofSeconds(30)))
            .execute(
                (instance, context) -> {
                  Optional<Instant> next =
                      started(deliver).deliver(new DeliveryId(instance.getId()));
                  return next.isPresent()
                      ? (complete, operations) -> operations.reschedule(complete, next.get())
                      : new CompletionHandler.OnCompleteRemove<>();
                });
    this.dispatch =
        Tasks.recurring(DISPATCH_TASK, FixedDelay.of(dispatchInterval))
            .execute((instance, context) -> started(relay).dispatch());
    this.expiry =
        Tasks.recurring(EXPIRY_TASK, FixedDelay.of(EXPIRY_INTERVAL))
            .execute((instance, context) -> started(keys).expire());
    this.scheduler = schedulers.apply(new TaskSet(List.of(delivery), List.of(dispatch, expiry)));
  }

  /**
   * Enqueues a delivery; inside a unit of work the row commits or rolls back with it. An id that is
   * already waiting keeps its time.
   */
  @Override
  public void enqueue(DeliveryId id, Instant at) {
    scheduler.scheduleIfNotExists(delivery.instance(id.value()), at);
  }

  /** Starts running work with the use cases that do it. */
  public void start(
      DispatchEventsUseCase dispatchEvents,
      DeliverWebhookUseCase deliverWebhook,
      IdempotencyUseCase idempotencyKeys) {
    this.relay = Objects.requireNonNull(dispatchEvents, "dispatchEvents");
    this.deliver = Objects.requireNonNull(deliverWebhook, "deliverWebhook");
    this.keys = Objects.requireNonNull(idempotencyKeys, "idempotencyKeys");
    scheduler.start();
  }

  /** Stops taking work and waits for what runs (a delivery's send is bounded by its timeout). */
  @Override
  public void close() {
    scheduler.stop();
  }

  Scheduler scheduler() {
    return scheduler;
  }

  private static <T> T started(T useCase) {
    if (useCase == null) {
      throw new IllegalStateException("background work ran before it was started");
    }
    return useCase;
  }
}
