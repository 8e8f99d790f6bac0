package com.customerservice.application.service;

import com.customerservice.application.port.in.ListCustomersUseCase;
import com.customerservice.domain.customer.CustomerPage;
import com.customerservice.domain.customer.CustomerQuery;
import com.customerservice.domain.customer.PageTokenCodec;
import com.customerservice.domain.port.CustomerRepository;

/** Lists customers a keyset page at a time, behind signed page tokens. */
public final class ListCustomersService implements ListCustomersUseCase {
  private final CustomerRepository customers;
  private final PageTokenCodec tokens;

  public ListCustomersService(CustomerRepository customers, PageTokenCodec tokens) {
    this.customers = customers;
    this.tokens = tokens;
  }

  @Override
  public Page list(Query query) {
    var filter = query.filter();
    CustomerPage page =
        customers.page(
            new CustomerQuery(
                filter,
                query.pageSize(),
                query.pageToken().map(token -> tokens.decode(token, filter))));
    return new Page(page.customers(), page.next().map(cursor -> tokens.encode(cursor, filter)));
  }
}
