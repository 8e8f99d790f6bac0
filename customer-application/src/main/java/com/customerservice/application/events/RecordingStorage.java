package com.customerservice.application.events;

import com.customerservice.application.port.out.CallContext;
import com.customerservice.domain.customer.Customer;
import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.customer.CustomerPage;
import com.customerservice.domain.customer.CustomerQuery;
import com.customerservice.domain.customer.PhoneNumber;
import com.customerservice.domain.event.CustomerEvent;
import com.customerservice.domain.event.EventId;
import com.customerservice.domain.event.Happening;
import com.customerservice.domain.kyc.KycReview;
import com.customerservice.domain.kyc.KycReviewId;
import com.customerservice.domain.kyc.ReviewPage;
import com.customerservice.domain.port.ConsoleSessionStore;
import com.customerservice.domain.port.CustomerRepository;
import com.customerservice.domain.port.DocumentStore;
import com.customerservice.domain.port.EventLog;
import com.customerservice.domain.port.IdempotencyStore;
import com.customerservice.domain.port.KycCheckRepository;
import com.customerservice.domain.port.KycRecordRepository;
import com.customerservice.domain.port.KycReviewRepository;
import com.customerservice.domain.port.PhoneVerificationRepository;
import com.customerservice.domain.port.RateLimiter;
import com.customerservice.domain.port.Storage;
import com.customerservice.domain.port.UnitOfWork;
import com.customerservice.domain.port.WebhookDeliveryRepository;
import com.customerservice.domain.port.WebhookEndpointRepository;
import com.customerservice.domain.verification.PhoneVerificationSession;
import com.customerservice.domain.verification.SessionId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

/**
 * The seam that turns every stored change of a customer's records into events: a store whose writes
 * of customers, verification sessions and KYC reviews also store what the aggregate says happened,
 * stamped with the caller and the request id, handed to the repository with the write so that it
 * stores both atomically (one statement in PostgreSQL for a customer). Every use case writes
 * through it, so none of them records an event itself and none can forget to.
 */
public final class RecordingStorage implements Storage {
  private final Storage store;
  private final CustomerRepository customers;
  private final PhoneVerificationRepository sessions;
  private final KycReviewRepository reviews;

  private RecordingStorage(Storage store, CallContext calls, RandomGenerator random) {
    this.store = store;
    Recorder recorder = new Recorder(calls, random);
    this.customers = new RecordingCustomers(store.customers(), recorder);
    this.sessions = new RecordingSessions(store.sessions(), recorder);
    this.reviews = new RecordingReviews(store.kycReviews(), recorder);
  }

  /** {@code store}, recording events with the caller {@code calls} names. */
  public static Storage around(Storage store, CallContext calls, RandomGenerator random) {
    return store instanceof RecordingStorage ? store : new RecordingStorage(store, calls, random);
  }

  @Override
  public UnitOfWork unitOfWork() {
    return store.unitOfWork();
  }

  @Override
  public CustomerRepository customers() {
    return customers;
  }

  @Override
  public PhoneVerificationRepository sessions() {
    return sessions;
  }

  @Override
  public DocumentStore documents() {
    return store.documents();
  }

  @Override
  public KycRecordRepository kycRecords() {
    return store.kycRecords();
  }

  @Override
  public KycCheckRepository kycChecks() {
    return store.kycChecks();
  }

  @Override
  public KycReviewRepository kycReviews() {
    return reviews;
  }

  @Override
  public RateLimiter rateLimiter() {
    return store.rateLimiter();
  }

  @Override
  public EventLog events() {
    return store.events();
  }

  @Override
  public WebhookEndpointRepository webhookEndpoints() {
    return store.webhookEndpoints();
  }

  @Override
  public WebhookDeliveryRepository webhookDeliveries() {
    return store.webhookDeliveries();
  }

  @Override
  public IdempotencyStore idempotency() {
    return store.idempotency();
  }

  @Override
  public ConsoleSessionStore consoleSessions() {
    return store.consoleSessions();
  }

  @Override
  public boolean isReady() {
    return store.isReady();
  }

  @Override
  public void close() {
    store.close();
  }

  private static List<CustomerEvent> concat(List<CustomerEvent> a, List<CustomerEvent> b) {
    if (b.isEmpty()) {
      return a;
    }
    return Stream.concat(a.stream(), b.stream()).toList();
  }

  /** Turns an aggregate's happenings into events, stamped with the caller. */
  private record Recorder(CallContext calls, RandomGenerator random) {
    List<CustomerEvent> eventsOf(Customer changed) {
      // The change's own time: the event says when the customer changed, to the microsecond.
      return eventsOf(changed.id(), changed.updatedAt(), changed.happenings());
    }

    List<CustomerEvent> eventsOf(KycReview review) {
      // Only opening a review says something happened: when it opened.
      return eventsOf(review.customerId(), review.createdAt(), review.happenings());
    }

    private List<CustomerEvent> eventsOf(
        CustomerId customer, Instant at, List<Happening> happenings) {
      if (happenings.isEmpty()) {
        return List.of();
      }
      Optional<String> requestId = calls.requestId();
      return happenings.stream()
          .map(
              h ->
                  new CustomerEvent(
                      EventId.KIND.next(random),
                      h.type(),
                      customer,
                      at,
                      h.data(),
                      h.decidedBy().orElseGet(calls::actor),
                      requestId))
          .toList();
    }
  }

  private record RecordingReviews(KycReviewRepository reviews, Recorder recorder)
      implements KycReviewRepository {
    @Override
    public void insert(KycReview review, List<CustomerEvent> events) {
      reviews.insert(review, concat(recorder.eventsOf(review), events));
    }

    @Override
    public KycReview update(KycReview changed, List<CustomerEvent> events) {
      return reviews.update(changed, concat(recorder.eventsOf(changed), events));
    }

    @Override
    public Optional<KycReview> find(KycReviewId id) {
      return reviews.find(id);
    }

    @Override
    public Optional<KycReview> findOpen(CustomerId customer) {
      return reviews.findOpen(customer);
    }

    @Override
    public ReviewPage page(ReviewPage.Query query) {
      return reviews.page(query);
    }
  }

  private record RecordingCustomers(CustomerRepository customers, Recorder recorder)
      implements CustomerRepository {
    @Override
    public void insert(Customer customer, List<CustomerEvent> events) {
      customers.insert(customer, concat(recorder.eventsOf(customer), events));
    }

    @Override
    public Customer update(Customer changed, List<CustomerEvent> events) {
      return customers.update(changed, concat(recorder.eventsOf(changed), events));
    }

    @Override
    public Optional<Customer> findActive(CustomerId id) {
      return customers.findActive(id);
    }

    @Override
    public boolean exists(CustomerId id) {
      return customers.exists(id);
    }

    @Override
    public Optional<Customer> findActiveByPhone(PhoneNumber phone) {
      return customers.findActiveByPhone(phone);
    }

    @Override
    public CustomerPage page(CustomerQuery query) {
      return customers.page(query);
    }
  }

  private record RecordingSessions(PhoneVerificationRepository sessions, Recorder recorder)
      implements PhoneVerificationRepository {
    @Override
    public void insert(
        PhoneVerificationSession session, Instant since, Consumer<List<Instant>> limit) {
      sessions.insert(session, since, limit);
    }

    @Override
    public Optional<PhoneVerificationSession> find(SessionId id) {
      return sessions.find(id);
    }

    @Override
    public PhoneVerificationSession update(PhoneVerificationSession changed) {
      return sessions.update(changed);
    }

    @Override
    public void delete(SessionId id) {
      sessions.delete(id);
    }

    @Override
    public void complete(
        PhoneVerificationSession completed, Customer created, List<CustomerEvent> events) {
      sessions.complete(completed, created, concat(recorder.eventsOf(created), events));
    }
  }
}
