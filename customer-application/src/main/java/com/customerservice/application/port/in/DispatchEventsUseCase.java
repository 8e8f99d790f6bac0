package com.customerservice.application.port.in;

/**
 * Background work: turns events not yet dispatched into deliveries to the endpoints that receive
 * them, and enqueues each, in one transaction per batch.
 */
public interface DispatchEventsUseCase {

  /** Dispatches every event waiting now; returns how many events were taken. */
  int dispatch();
}
