package com.customerservice.adapter.kyc.vendor;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The failures a vendor fake serves, in order, per endpoint: each answers one call. */
public final class FaultScript<F> {
  private final Map<String, Deque<F>> faults = new ConcurrentHashMap<>();

  /** The next calls to {@code endpoint} fail with {@code script}, one each. */
  @SafeVarargs
  public final void add(String endpoint, F... script) {
    Deque<F> queue = faults.computeIfAbsent(endpoint, e -> new ArrayDeque<>());
    synchronized (queue) {
      queue.addAll(List.of(script));
    }
  }

  /** The failure this call to {@code endpoint} answers with, or null to answer normally. */
  public F next(String endpoint) {
    Deque<F> queue = faults.get(endpoint);
    if (queue == null) {
      return null;
    }
    synchronized (queue) {
      return queue.poll();
    }
  }
}
