package com.customerservice.domain.port;

import java.util.function.Supplier;

/**
 * Runs a piece of work in one transaction: everything it wrote is kept, or, when it throws,
 * nothing. Never hold one open across a remote call.
 */
public interface UnitOfWork {

  <T> T inTransaction(Supplier<T> work);

  default void inTransaction(Runnable work) {
    inTransaction(
        () -> {
          work.run();
          return null;
        });
  }
}
