package com.customerservice.application.service;

import java.util.function.IntSupplier;

/** Clean-ups that delete in bounded batches, so that no statement holds a large table for long. */
final class Batches {
  static final int SIZE = 1000;

  private Batches() {}

  /** Runs {@code deleteBatch} (which deletes up to {@link #SIZE}) until a batch comes up short. */
  static int deleteAll(IntSupplier deleteBatch) {
    int total = 0;
    int deleted;
    do {
      deleted = deleteBatch.getAsInt();
      total += deleted;
    } while (deleted == SIZE);
    return total;
  }
}
