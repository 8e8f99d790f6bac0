package com.customerservice.domain.event;

import com.customerservice.domain.shared.Keyset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One page of events, newest first, and where the next page starts if there is one. */
public record EventPage(List<CustomerEvent> events, Optional<Keyset> next) {
  public EventPage {
    events = List.copyOf(events);
    Objects.requireNonNull(next, "next");
  }

  /** A page from up to {@code limit + 1} rows fetched in order: the extra row tells more exist. */
  public static EventPage fromOverfetch(List<CustomerEvent> rows, int limit) {
    if (rows.size() <= limit) {
      return new EventPage(rows, Optional.empty());
    }
    CustomerEvent last = rows.get(limit - 1);
    return new EventPage(
        rows.subList(0, limit), Optional.of(new Keyset(last.createdAt(), last.id().value())));
  }
}
