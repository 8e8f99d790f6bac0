package com.customerservice.bootstrap;

import com.customerservice.adapter.persistence.PostgresDatabase;
import com.customerservice.adapter.scheduler.ScheduledWork;
import com.customerservice.application.background.BackgroundWork;
import com.customerservice.domain.port.Storage;
import com.customerservice.domain.port.WorkQueue;
import com.customerservice.testkit.memory.InMemoryStorage;
import com.customerservice.testkit.memory.InMemoryWorkQueue;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that chooses how the {@link BackgroundWork} runs: on db-scheduler in the service's
 * PostgreSQL (persistent, once across instances), or, for a {@code STORAGE=memory} demo, on a timer
 * in this process (lost with it, like everything else in memory).
 */
abstract class Background implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Background.class);

  /** Where use cases enqueue work; exists before the use cases do. */
  abstract WorkQueue queue();

  /** Starts running the jobs; before anything may enqueue work. */
  abstract void start(BackgroundWork jobs);

  @Override
  public abstract void close();

  static Background open(Storage storage, Clock clock) {
    if (storage instanceof PostgresDatabase database) {
      return new Persistent(
          new ScheduledWork(
              database.transactionalDataSource(), ScheduledWork.Settings.defaults(clock)));
    }
    if (storage instanceof InMemoryStorage memory) {
      return new InMemory(new InMemoryWorkQueue(memory.unitOfWork()), clock);
    }
    throw new IllegalArgumentException("no background work for " + storage.getClass());
  }

  private static final class Persistent extends Background {
    private final ScheduledWork work;

    Persistent(ScheduledWork work) {
      this.work = work;
    }

    @Override
    WorkQueue queue() {
      return work;
    }

    @Override
    void start(BackgroundWork jobs) {
      work.start(jobs);
    }

    @Override
    public void close() {
      work.close();
    }
  }

  /** A demo's timer: the recurring jobs, then the work due, once a second. */
  private static final class InMemory extends Background {
    private final InMemoryWorkQueue queue;
    private final Clock clock;
    private final ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "background-work");
              thread.setDaemon(true);
              return thread;
            });

    InMemory(InMemoryWorkQueue queue, Clock clock) {
      this.queue = queue;
      this.clock = clock;
    }

    @Override
    WorkQueue queue() {
      return queue;
    }

    @Override
    void start(BackgroundWork jobs) {
      timer.scheduleWithFixedDelay(
          () -> {
            try {
              jobs.runRecurring();
              queue.runDue(clock.instant(), jobs::run);
            } catch (RuntimeException e) {
              LOG.warn("background work failed; it runs again in a second", e);
            }
          },
          1,
          1,
          TimeUnit.SECONDS);
    }

    @Override
    public void close() {
      timer.shutdownNow();
    }
  }
}
