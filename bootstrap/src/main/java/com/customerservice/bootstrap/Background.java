package com.customerservice.bootstrap;

import com.customerservice.adapter.persistence.PostgresDatabase;
import com.customerservice.adapter.scheduler.ScheduledWork;
import com.customerservice.application.UseCases;
import com.customerservice.domain.port.DeliveryQueue;
import com.customerservice.domain.port.Storage;
import com.customerservice.testkit.memory.InMemoryDeliveryQueue;
import com.customerservice.testkit.memory.InMemoryStorage;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that chooses how work that happens later runs: on db-scheduler in the service's
 * PostgreSQL (persistent, once across instances), or, for a {@code STORAGE=memory} demo, on a timer
 * in this process (lost with it, like everything else in memory).
 */
abstract class Background implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Background.class);

  /** Where use cases enqueue deliveries; exists before the use cases do. */
  abstract DeliveryQueue queue();

  /** Starts running the work, with the use cases that do it. */
  abstract void start(UseCases useCases);

  @Override
  public abstract void close();

  static Background open(Storage storage, Clock clock) {
    if (storage instanceof PostgresDatabase database) {
      return new Persistent(
          new ScheduledWork(
              database.transactionalDataSource(), ScheduledWork.Settings.defaults(clock)));
    }
    if (storage instanceof InMemoryStorage memory) {
      return new InMemory(new InMemoryDeliveryQueue(memory.unitOfWork()), clock);
    }
    throw new IllegalArgumentException("no background work for " + storage.getClass());
  }

  private static final class Persistent extends Background {
    private final ScheduledWork work;

    Persistent(ScheduledWork work) {
      this.work = work;
    }

    @Override
    DeliveryQueue queue() {
      return work;
    }

    @Override
    void start(UseCases useCases) {
      work.start(useCases.dispatch(), useCases.deliver(), useCases.idempotency());
    }

    @Override
    public void close() {
      work.close();
    }
  }

  /** A demo's timer: dispatch, run what is due and forget expired keys, once a second. */
  private static final class InMemory extends Background {
    private final InMemoryDeliveryQueue queue;
    private final Clock clock;
    private final ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "background-work");
              thread.setDaemon(true);
              return thread;
            });

    InMemory(InMemoryDeliveryQueue queue, Clock clock) {
      this.queue = queue;
      this.clock = clock;
    }

    @Override
    DeliveryQueue queue() {
      return queue;
    }

    @Override
    void start(UseCases useCases) {
      timer.scheduleWithFixedDelay(
          () -> {
            try {
              useCases.dispatch().dispatch();
              queue.runDue(clock.instant(), useCases.deliver()::deliver);
              useCases.idempotency().expire();
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
