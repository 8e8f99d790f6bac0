package com.customerservice.adapter.http.console;

import com.customerservice.adapter.http.response.CustomerResponse;
import com.customerservice.adapter.http.response.EventResponse;
import com.customerservice.adapter.http.response.KycResponses;
import com.customerservice.application.port.in.FindCustomerUseCase;
import com.customerservice.application.port.in.GetCustomerUseCase;
import com.customerservice.application.port.in.GetKycCaseUseCase;
import com.customerservice.application.port.in.ListCustomersUseCase;
import com.customerservice.application.port.in.ListEventsUseCase;
import com.customerservice.domain.customer.Customer;
import com.customerservice.domain.customer.CustomerFilter;
import com.customerservice.domain.error.InvalidValueException;
import com.customerservice.domain.event.EventFilter;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Finding a customer by id or phone number, and a customer's page: the profile masked as the API
 * masks it, the KYC case with its checks, and the audit trail as a timeline.
 */
final class CustomerPages {
  static final String BASE = Console.BASE + "/customers";
  static final int NEWEST = 20;
  static final int EVENTS = 50;

  private final FindCustomerUseCase find;
  private final GetCustomerUseCase get;
  private final ListCustomersUseCase list;
  private final GetKycCaseUseCase kycCase;
  private final ListEventsUseCase events;
  private final Pages pages;

  CustomerPages(
      FindCustomerUseCase find,
      GetCustomerUseCase get,
      ListCustomersUseCase list,
      GetKycCaseUseCase kycCase,
      ListEventsUseCase events,
      Pages pages) {
    this.find = find;
    this.get = get;
    this.list = list;
    this.kycCase = kycCase;
    this.events = events;
    this.pages = pages;
  }

  void register(RoutesConfig routes) {
    routes.get(BASE, pages.page(this::search));
    routes.get(BASE + "/{id}", pages.page(this::customer));
  }

  private void search(Context ctx) {
    String query = Optional.ofNullable(ctx.queryParam("q")).map(String::strip).orElse("");
    String error = null;
    String notice = null;
    int status = 200;
    if (!query.isEmpty()) {
      try {
        Optional<Customer> found = find.find(query);
        if (found.isPresent()) {
          ctx.redirect(BASE + "/" + found.get().id().value(), HttpStatus.SEE_OTHER);
          return;
        }
        notice = "No active customer has that id or phone number.";
      } catch (InvalidValueException e) {
        error = e.getMessage() + ".";
        status = 400;
      }
    }
    List<CustomerResponse> newest =
        list
            .list(new ListCustomersUseCase.Query(NEWEST, Optional.empty(), CustomerFilter.none()))
            .customers()
            .stream()
            .map(CustomerResponse::from)
            .toList();
    pages.render(
        ctx,
        status,
        "customers",
        Views.model(
            pages.frame(ctx, "Customers", Frame.Section.CUSTOMERS),
            "search",
            new Views.CustomerSearch(query, error, notice, newest)));
  }

  private void customer(Context ctx) {
    String id = ctx.pathParam("id");
    CustomerResponse customer = CustomerResponse.from(get.get(id));
    KycResponses.Case kyc = KycResponses.Case.of(kycCase.get(id));
    var page =
        events.listForCustomer(
            id,
            new ListEventsUseCase.Query(
                EVENTS,
                Optional.ofNullable(ctx.queryParam("page_token")),
                new EventFilter(null, null, null, null)));
    List<Views.TimelineEntry> timeline =
        page.events().stream()
            .map(EventResponse::from)
            .map(e -> new Views.TimelineEntry(e, by(e.actor()), Show.data(e.data())))
            .toList();
    String older =
        page.nextPageToken()
            .map(
                t ->
                    BASE + "/" + id + "?page_token=" + URLEncoder.encode(t, StandardCharsets.UTF_8))
            .orElse(null);
    Views.Customer view = new Views.Customer(customer, kyc, timeline, older);
    pages.render(
        ctx,
        200,
        "customer",
        Views.model(pages.frame(ctx, view.name(), Frame.Section.CUSTOMERS), "view", view));
  }

  /** Who made a change, as a person reads it. */
  private static String by(EventResponse.ActorResponse actor) {
    return switch (actor.type()) {
      case "kyc_provider" -> actor.name() + " (KYC provider)";
      case "system" -> "the service (" + actor.name() + ")";
      default -> actor.name();
    };
  }
}
