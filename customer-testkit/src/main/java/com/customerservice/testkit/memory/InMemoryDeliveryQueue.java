package com.customerservice.testkit.memory;

import com.customerservice.domain.port.DeliveryQueue;
import com.customerservice.domain.webhook.DeliveryId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Deliveries waiting for their time, in memory: run by whoever calls {@link #runDue} (a test moving
 * its clock, or a demo's timer). An enqueue is undone with its transaction.
 */
public final class InMemoryDeliveryQueue implements DeliveryQueue {
  private final InMemoryUnitOfWork unitOfWork;
  private final List<Entry> entries = new ArrayList<>();

  /** A delivery and when it is due. */
  public record Entry(DeliveryId delivery, Instant at) {}

  public InMemoryDeliveryQueue(InMemoryUnitOfWork unitOfWork) {
    this.unitOfWork = unitOfWork;
  }

  @Override
  public synchronized void enqueue(DeliveryId delivery, Instant at) {
    Entry entry = new Entry(delivery, at);
    entries.add(entry);
    unitOfWork.onRollback(() -> remove(entry));
  }

  /**
   * Runs every delivery due at {@code now}, earliest first, with {@code deliver}, which answers
   * when to try again (empty when done); returns how many ran.
   */
  public int runDue(Instant now, Function<DeliveryId, Optional<Instant>> deliver) {
    List<Entry> due;
    synchronized (this) {
      due =
          entries.stream()
              .filter(e -> !e.at().isAfter(now))
              .sorted(Comparator.comparing(Entry::at))
              .toList();
      entries.removeAll(due);
    }
    for (Entry entry : due) {
      deliver.apply(entry.delivery()).ifPresent(at -> enqueueAgain(entry.delivery(), at));
    }
    return due.size();
  }

  /** What waits, earliest first. */
  public synchronized List<Entry> waiting() {
    return entries.stream().sorted(Comparator.comparing(Entry::at)).toList();
  }

  private synchronized void enqueueAgain(DeliveryId delivery, Instant at) {
    entries.add(new Entry(delivery, at));
  }

  private synchronized void remove(Entry entry) {
    entries.remove(entry);
  }
}
