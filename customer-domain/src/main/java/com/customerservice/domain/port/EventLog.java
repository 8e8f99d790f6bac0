package com.customerservice.domain.port;

import com.customerservice.domain.event.CustomerEvent;
import com.customerservice.domain.event.EventId;
import com.customerservice.domain.event.EventPage;
import com.customerservice.domain.event.EventQuery;
import java.util.List;
import java.util.Optional;

/**
 * The audit trail and outbox: events are appended in the transaction of the change they record,
 * kept after their customer is closed, and handed once each to webhook dispatch.
 */
public interface EventLog {

  /** Appends events; inside the caller's unit of work, so a rollback keeps none of them. */
  void append(List<CustomerEvent> events);

  Optional<CustomerEvent> find(EventId id);

  /** One page of events matching the query, newest first. */
  EventPage page(EventQuery query);

  /**
   * Takes up to {@code max} events that dispatch has not taken yet (in no promised order, returned
   * oldest first) and marks them taken when the surrounding unit of work commits; callers running
   * at the same time take different events. Call inside a unit of work.
   */
  List<CustomerEvent> takeUndispatched(int max);

  /**
   * As {@link #takeUndispatched} without reading the events, for when no endpoint receives any:
   * marks up to {@code max} of them taken and returns how many.
   */
  int skipUndispatched(int max);
}
