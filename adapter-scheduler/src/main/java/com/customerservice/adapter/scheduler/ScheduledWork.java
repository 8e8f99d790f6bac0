package com.customerservice.adapter.scheduler;

import com.customerservice.application.background.BackgroundWork;
import com.customerservice.domain.port.WorkQueue;
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
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The service's {@link BackgroundWork} on db-scheduler, in its own PostgreSQL: each recurring job a
 * recurring task (run by one instance at a time), each job done per item a task whose executions
 * are the items, rescheduled as the job answers. Executions live in {@code scheduled_tasks}, so
 * work survives restarts and runs once across instances; an execution whose instance died is
 * revived after its heartbeats stop. A pending item costs nothing until it is due: the scheduler
 * looks only for executions whose time has come.
 *
 * <p>Created before the use cases (they enqueue through it), started with the jobs before anything
 * can enqueue (the HTTP server starts after it).
 */
public final class ScheduledWork implements WorkQueue, AutoCloseable {
  /** A job that failed (the database, say) did not record its try: it runs again after this. */
  static final Duration RETRY_FAILED_RUN = Duration.ofSeconds(30);

  private final Function<TaskSet, Scheduler> schedulers;
  private final Map<WorkQueue.Kind, CustomTask<Void>> itemTasks = new EnumMap<>(Kind.class);
  private volatile Scheduler scheduler;

  /** How often work is looked for, how many run at once, when a silent instance counts as dead. */
  public record Settings(
      Duration pollingInterval, int threads, Duration heartbeatInterval, Clock clock) {
    public Settings {
      Objects.requireNonNull(pollingInterval, "pollingInterval");
      Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
      Objects.requireNonNull(clock, "clock");
      if (threads < 1) {
        throw new IllegalArgumentException("background work needs at least one thread");
      }
    }

    /**
     * Work is looked for every second; a job stuck on a dead instance is taken over after a minute
     * (six missed heartbeats of ten seconds, well past any vendor's or receiver's timeout).
     */
    public static Settings defaults(Clock clock) {
      return new Settings(Duration.ofSeconds(1), 10, Duration.ofSeconds(10), clock);
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
                .build());
  }

  /** For tests that drive a scheduler by hand (db-scheduler's {@code ManualScheduler}). */
  ScheduledWork(Function<TaskSet, Scheduler> schedulers) {
    this.schedulers = schedulers;
  }

  /**
   * Enqueues a piece of work; inside a unit of work the row commits or rolls back with it. An item
   * already waiting keeps its time.
   */
  @Override
  public void enqueue(Work work, Instant at) {
    if (scheduler == null) {
      throw new IllegalStateException("work was enqueued before the scheduler started");
    }
    scheduler.scheduleIfNotExists(itemTasks.get(work.kind()).instance(work.item()), at);
  }

  /** Starts running {@code jobs}: every recurring one, and every item enqueued for the others. */
  public synchronized void start(BackgroundWork jobs) {
    if (scheduler != null) {
      throw new IllegalStateException("already started");
    }
    List<Task<?>> known = new ArrayList<>();
    for (BackgroundWork.PerItem job : jobs.perItem()) {
      CustomTask<Void> task = perItem(job);
      itemTasks.put(job.kind(), task);
      known.add(task);
    }
    List<RecurringTask<Void>> startup = new ArrayList<>();
    for (BackgroundWork.Recurring job : jobs.recurring()) {
      startup.add(
          Tasks.recurring(job.name(), FixedDelay.of(job.every()))
              .execute((instance, context) -> job.work().run()));
    }
    scheduler = schedulers.apply(new TaskSet(known, startup));
    scheduler.start();
  }

  private static CustomTask<Void> perItem(BackgroundWork.PerItem job) {
    return Tasks.custom(job.name(), Void.class)
        .onFailure(new FailureHandler.OnFailureRetryLater<>(RETRY_FAILED_RUN))
        .execute(
            (instance, context) -> {
              Optional<Instant> next = job.work().apply(instance.getId());
              return next.isPresent()
                  ? (complete, operations) -> operations.reschedule(complete, next.get())
                  : new CompletionHandler.OnCompleteRemove<>();
            });
  }

  /** Stops taking work and waits for what runs (each job's remote call is bounded). */
  @Override
  public void close() {
    Scheduler running = scheduler;
    if (running != null) {
      running.stop();
    }
  }

  Scheduler scheduler() {
    return scheduler;
  }
}
