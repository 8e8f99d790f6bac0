package com.customerservice.application.background;

import com.customerservice.application.UseCases;
import com.customerservice.application.context.PerThreadCallContext;
import com.customerservice.domain.event.Actor;
import com.customerservice.domain.port.WorkQueue;
import com.customerservice.domain.webhook.DeliveryId;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Every piece of work the service does later, listed once: each job's name, the use case that does
 * it and whom it acts as ({@link #ACTOR}, in the audit trail too). The persistent scheduler runs
 * this list in the service; the in-memory runner runs the same list in tests and demos.
 */
public final class BackgroundWork {
  /** Who background work acts as: no caller asked for it. */
  public static final Actor ACTOR = Actor.scheduler();

  /** The outbox relay's pace: events reach receivers within about a second. */
  public static final Duration DISPATCH_EVERY = Duration.ofSeconds(1);

  /**
   * Expired idempotency keys and console sessions already count as absent; deleting them only keeps
   * their tables small.
   */
  public static final Duration KEY_EXPIRY_EVERY = Duration.ofMinutes(10);

  /** Work that recurs, run by one instance at a time. */
  public record Recurring(String name, Duration every, Runnable work) {
    public Recurring {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(every, "every");
      Objects.requireNonNull(work, "work");
    }
  }

  /**
   * Work done for one item of {@code kind} (a delivery, a check), which answers when to run it
   * again for that item, or empty when done.
   */
  public record PerItem(WorkQueue.Kind kind, Function<String, Optional<Instant>> work) {
    public PerItem {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(work, "work");
    }

    public String name() {
      return kind.taskName();
    }
  }

  private final List<Recurring> recurring;
  private final Map<WorkQueue.Kind, PerItem> perItem = new EnumMap<>(WorkQueue.Kind.class);

  private BackgroundWork(List<Recurring> recurring, List<PerItem> perItem) {
    this.recurring = List.copyOf(recurring);
    perItem.forEach(job -> this.perItem.put(job.kind(), job));
    for (WorkQueue.Kind kind : WorkQueue.Kind.values()) {
      if (!this.perItem.containsKey(kind)) {
        throw new IllegalStateException("no background job runs " + kind.taskName());
      }
    }
  }

  /** The service's jobs, run by {@code useCases} as {@link #ACTOR} on {@code calls}. */
  public static BackgroundWork of(UseCases useCases, PerThreadCallContext calls) {
    Acting as = new Acting(calls);
    return new BackgroundWork(
        List.of(
            new Recurring(
                "event-dispatch", DISPATCH_EVERY, as.run(() -> useCases.dispatch().dispatch())),
            new Recurring(
                "idempotency-expiry",
                KEY_EXPIRY_EVERY,
                as.run(() -> useCases.idempotency().expire())),
            new Recurring(
                "console-session-expiry",
                KEY_EXPIRY_EVERY,
                as.run(() -> useCases.consoleSessions().expire()))),
        List.of(
            new PerItem(
                WorkQueue.Kind.WEBHOOK_DELIVERY,
                as.item(id -> useCases.deliver().deliver(new DeliveryId(id)))),
            new PerItem(WorkQueue.Kind.KYC_POLL, as.item(useCases.kycFollowUp()::poll)),
            new PerItem(WorkQueue.Kind.KYC_DEADLINE, as.item(useCases.kycFollowUp()::expire))));
  }

  public List<Recurring> recurring() {
    return recurring;
  }

  public List<PerItem> perItem() {
    return List.copyOf(perItem.values());
  }

  /** Runs one queued piece of work; answers when to run it again, or empty when done. */
  public Optional<Instant> run(WorkQueue.Work work) {
    return perItem.get(work.kind()).work().apply(work.item());
  }

  /** Runs every recurring job once, in the listed order (a demo's timer, a test's tick). */
  public void runRecurring() {
    recurring.forEach(job -> job.work().run());
  }

  /** Wraps work so that it runs as {@link #ACTOR}, under no request. */
  private record Acting(PerThreadCallContext calls) {
    Runnable run(Supplier<?> work) {
      return () -> calls.callAs(ACTOR, null, work);
    }

    Function<String, Optional<Instant>> item(Function<String, Optional<Instant>> work) {
      return id -> calls.callAs(ACTOR, null, () -> work.apply(id));
    }
  }
}
