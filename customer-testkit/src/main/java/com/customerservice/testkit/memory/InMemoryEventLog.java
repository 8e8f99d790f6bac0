package com.customerservice.testkit.memory;

import com.customerservice.domain.event.CustomerEvent;
import com.customerservice.domain.event.EventId;
import com.customerservice.domain.event.EventPage;
import com.customerservice.domain.event.EventQuery;
import com.customerservice.domain.port.EventLog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The event log in memory: appends undone with their transaction, dispatch taken once each. */
public final class InMemoryEventLog implements EventLog {
  private static final Comparator<CustomerEvent> NEWEST_FIRST =
      Comparator.comparing(CustomerEvent::createdAt).thenComparing(e -> e.id().value()).reversed();

  private final InMemoryUnitOfWork unitOfWork;
  private final Map<EventId, CustomerEvent> byId = new LinkedHashMap<>();
  private final List<EventId> undispatched = new ArrayList<>();

  public InMemoryEventLog(InMemoryUnitOfWork unitOfWork) {
    this.unitOfWork = unitOfWork;
  }

  @Override
  public synchronized void append(List<CustomerEvent> events) {
    for (CustomerEvent event : events) {
      if (byId.putIfAbsent(event.id(), event) != null) {
        throw new IllegalStateException("event " + event.id() + " exists already");
      }
      undispatched.add(event.id());
      unitOfWork.onRollback(() -> remove(event.id()));
    }
  }

  @Override
  public synchronized Optional<CustomerEvent> find(EventId id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public synchronized EventPage page(EventQuery query) {
    List<CustomerEvent> rows =
        byId.values().stream()
            .filter(query.filter()::matches)
            .filter(
                e ->
                    query
                        .after()
                        .map(at -> at.precedes(e.createdAt(), e.id().value()))
                        .orElse(true))
            .sorted(NEWEST_FIRST)
            .limit(query.limit() + 1L)
            .toList();
    return EventPage.fromOverfetch(rows, query.limit());
  }

  @Override
  public synchronized int skipUndispatched(int max) {
    return takeUndispatched(max).size();
  }

  @Override
  public synchronized List<CustomerEvent> takeUndispatched(int max) {
    List<EventId> taken =
        new ArrayList<>(undispatched.subList(0, Math.min(max, undispatched.size())));
    undispatched.removeAll(taken);
    unitOfWork.onRollback(() -> giveBack(taken));
    return taken.stream().map(byId::get).toList();
  }

  /** Every event, oldest first, for tests that look behind the port. */
  public synchronized List<CustomerEvent> all() {
    return List.copyOf(byId.values());
  }

  private synchronized void remove(EventId id) {
    byId.remove(id);
    undispatched.remove(id);
  }

  private synchronized void giveBack(List<EventId> taken) {
    undispatched.addAll(0, taken);
  }
}
