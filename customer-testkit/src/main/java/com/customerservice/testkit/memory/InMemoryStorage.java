package com.customerservice.testkit.memory;

import com.customerservice.domain.port.Storage;
import java.time.Clock;

/**
 * Every store in memory, with the rules a database would enforce (one active customer per phone,
 * optimistic versions, all-or-nothing transactions): for tests, embedding teams' own tests, and
 * demos ({@code STORAGE=memory}). Nothing survives the process.
 */
public final class InMemoryStorage implements Storage {
  private final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
  private final InMemoryEventLog events = new InMemoryEventLog(unitOfWork);
  private final InMemoryCustomerRepository customers =
      new InMemoryCustomerRepository(unitOfWork, events);
  private final InMemoryPhoneVerificationRepository sessions =
      new InMemoryPhoneVerificationRepository(unitOfWork, customers);
  private final InMemoryDocumentStore documents = new InMemoryDocumentStore(unitOfWork);
  private final InMemoryKycRecordRepository kycRecords =
      new InMemoryKycRecordRepository(unitOfWork);
  private final InMemoryKycChecks kycChecks = new InMemoryKycChecks(unitOfWork);
  private final InMemoryKycReviews kycReviews = new InMemoryKycReviews(unitOfWork, events);
  private final InMemoryRateLimiter rateLimiter;
  private final InMemoryWebhookEndpoints webhookEndpoints =
      new InMemoryWebhookEndpoints(unitOfWork);
  private final InMemoryWebhookDeliveries webhookDeliveries =
      new InMemoryWebhookDeliveries(unitOfWork);
  private final InMemoryIdempotencyStore idempotency = new InMemoryIdempotencyStore();
  private final InMemoryConsoleSessions consoleSessions = new InMemoryConsoleSessions();

  /** Rate limits refill by {@code clock}, which tests move. */
  public InMemoryStorage(Clock clock) {
    this.rateLimiter = new InMemoryRateLimiter(clock);
  }

  @Override
  public InMemoryUnitOfWork unitOfWork() {
    return unitOfWork;
  }

  @Override
  public InMemoryCustomerRepository customers() {
    return customers;
  }

  @Override
  public InMemoryPhoneVerificationRepository sessions() {
    return sessions;
  }

  @Override
  public InMemoryDocumentStore documents() {
    return documents;
  }

  @Override
  public InMemoryKycRecordRepository kycRecords() {
    return kycRecords;
  }

  @Override
  public InMemoryKycChecks kycChecks() {
    return kycChecks;
  }

  @Override
  public InMemoryKycReviews kycReviews() {
    return kycReviews;
  }

  @Override
  public InMemoryIdempotencyStore idempotency() {
    return idempotency;
  }

  @Override
  public InMemoryConsoleSessions consoleSessions() {
    return consoleSessions;
  }

  @Override
  public InMemoryRateLimiter rateLimiter() {
    return rateLimiter;
  }

  @Override
  public InMemoryEventLog events() {
    return events;
  }

  @Override
  public InMemoryWebhookEndpoints webhookEndpoints() {
    return webhookEndpoints;
  }

  @Override
  public InMemoryWebhookDeliveries webhookDeliveries() {
    return webhookDeliveries;
  }

  @Override
  public boolean isReady() {
    return true;
  }

  @Override
  public void close() {
    // nothing to release
  }
}
