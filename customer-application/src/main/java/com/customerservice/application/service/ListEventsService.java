package com.customerservice.application.service;

import com.customerservice.application.port.in.ListEventsUseCase;
import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.customer.PageTokenCodec;
import com.customerservice.domain.error.NotFoundException;
import com.customerservice.domain.event.EventFilter;
import com.customerservice.domain.event.EventId;
import com.customerservice.domain.event.EventPage;
import com.customerservice.domain.event.EventQuery;
import com.customerservice.domain.port.CustomerRepository;
import com.customerservice.domain.port.EventLog;
import com.customerservice.domain.shared.Keyset;

/** Reads the event log a keyset page at a time, behind signed page tokens. */
public final class ListEventsService implements ListEventsUseCase {
  private final EventLog log;
  private final CustomerRepository customers;
  private final PageTokenCodec tokens;

  public ListEventsService(EventLog log, CustomerRepository customers, PageTokenCodec tokens) {
    this.log = log;
    this.customers = customers;
    this.tokens = tokens;
  }

  @Override
  public Page list(Query query) {
    EventFilter filter = query.filter();
    String scope = filter.scope();
    EventPage page =
        log.page(
            new EventQuery(
                filter,
                query.pageSize(),
                query.pageToken().map(token -> position(tokens.decode(token, scope)))));
    return new Page(page.events(), page.next().map(next -> tokens.encode(next.position(), scope)));
  }

  @Override
  public Page listForCustomer(String customerId, Query query) {
    CustomerId id =
        CustomerId.KIND
            .parse(customerId)
            .filter(customers::exists)
            .orElseThrow(() -> new NotFoundException("id", "No such customer"));
    EventFilter asked = query.filter();
    EventFilter filter =
        new EventFilter(asked.type(), id, asked.createdAfter(), asked.createdBefore());
    return list(new Query(query.pageSize(), query.pageToken(), filter));
  }

  private static Keyset position(String text) {
    return Keyset.fromPosition(text, EventId.KIND)
        .orElseThrow(() -> new IllegalStateException("a signed token held a malformed position"));
  }
}
