package com.customerservice.testkit.memory;

import com.customerservice.domain.port.WorkQueue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Work waiting for its time, in memory: run by whoever calls {@link #runDue} (a test moving its
 * clock, or a demo's timer). An enqueue is undone with its transaction; an item already waiting
 * keeps its time, as with the persistent scheduler.
 */
public final class InMemoryWorkQueue implements WorkQueue {
  private final InMemoryUnitOfWork unitOfWork;
  private final List<Entry> entries = new ArrayList<>();

  /** A piece of work and when it is due. */
  public record Entry(Work work, Instant at) {}

  public InMemoryWorkQueue(InMemoryUnitOfWork unitOfWork) {
    this.unitOfWork = unitOfWork;
  }

  @Override
  public synchronized void enqueue(Work work, Instant at) {
    if (entries.stream().anyMatch(e -> e.work().equals(work))) {
      return;
    }
    Entry entry = new Entry(work, at);
    entries.add(entry);
    unitOfWork.onRollback(() -> remove(entry));
  }

  /**
   * Runs every piece of work due at {@code now}, earliest first, with {@code run}, which answers
   * when to run it again (empty when done); returns how many ran.
   */
  public int runDue(Instant now, Function<Work, Optional<Instant>> run) {
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
      run.apply(entry.work()).ifPresent(at -> enqueueAgain(entry.work(), at));
    }
    return due.size();
  }

  /** What waits, earliest first. */
  public synchronized List<Entry> waiting() {
    return entries.stream().sorted(Comparator.comparing(Entry::at)).toList();
  }

  /** What waits of one kind, earliest first. */
  public synchronized List<Entry> waiting(Kind kind) {
    return waiting().stream().filter(e -> e.work().kind() == kind).toList();
  }

  private synchronized void enqueueAgain(Work work, Instant at) {
    entries.add(new Entry(work, at));
  }

  private synchronized void remove(Entry entry) {
    entries.remove(entry);
  }
}
