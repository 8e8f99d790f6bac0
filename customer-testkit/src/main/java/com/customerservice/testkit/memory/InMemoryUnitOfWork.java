package com.customerservice.testkit.memory;

import com.customerservice.domain.port.UnitOfWork;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Transactions for the in-memory ports: work runs one transaction at a time (serialisable, like a
 * database at its strictest), and a failing transaction undoes every write it made, in reverse.
 * Writes outside a transaction are kept at once, as with auto-commit.
 */
public final class InMemoryUnitOfWork implements UnitOfWork {
  private final ReentrantLock lock = new ReentrantLock();
  private final ThreadLocal<Deque<Runnable>> undoLog = new ThreadLocal<>();

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    if (undoLog.get() != null) {
      return work.get(); // joins the transaction already running on this thread
    }
    lock.lock();
    Deque<Runnable> undo = new ArrayDeque<>();
    undoLog.set(undo);
    try {
      return work.get();
    } catch (RuntimeException | Error e) {
      undo.forEach(Runnable::run);
      throw e;
    } finally {
      undoLog.remove();
      lock.unlock();
    }
  }

  /** Called by a repository after a write: how to take it back if the transaction fails. */
  void onRollback(Runnable undo) {
    Deque<Runnable> log = undoLog.get();
    if (log != null) {
      log.push(undo);
    }
  }
}
