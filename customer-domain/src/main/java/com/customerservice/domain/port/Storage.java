package com.customerservice.domain.port;

/**
 * Everything the use cases keep, from one store, with the transactions that span it: chosen once,
 * where the service is wired (PostgreSQL in production, memory for tests and demos).
 */
public interface Storage extends AutoCloseable {

  UnitOfWork unitOfWork();

  CustomerRepository customers();

  PhoneVerificationRepository sessions();

  DocumentStore documents();

  KycRecordRepository kycRecords();

  KycCheckRepository kycChecks();

  KycReviewRepository kycReviews();

  RateLimiter rateLimiter();

  EventLog events();

  WebhookEndpointRepository webhookEndpoints();

  WebhookDeliveryRepository webhookDeliveries();

  /** Keys of idempotent requests and their first answers. */
  IdempotencyStore idempotency();

  /** Who is signed in to the back-office console. */
  ConsoleSessionStore consoleSessions();

  /** Whether the store can serve now (a database reachable and its schema up to date). */
  boolean isReady();

  @Override
  void close();
}
