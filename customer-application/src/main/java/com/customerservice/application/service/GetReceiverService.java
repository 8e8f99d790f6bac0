package com.customerservice.application.service;

import com.customerservice.application.port.in.GetReceiverUseCase;
import com.customerservice.application.port.out.CallContext;
import com.customerservice.domain.customer.Customer;
import com.customerservice.domain.customer.PhoneNumber;
import com.customerservice.domain.error.NotFoundException;
import com.customerservice.domain.limit.RateLimit;
import com.customerservice.domain.port.CustomerRepository;
import com.customerservice.domain.port.RateLimiter;

/**
 * Finds who a transfer to a phone number would reach. Every look-up, found or not, spends the
 * caller's budget first: a look-up tells whether a number is a customer and shows a name, so one
 * caller must not walk the numbering plan.
 */
public final class GetReceiverService implements GetReceiverUseCase {
  /** Look-ups per second per caller by default, and the burst allowed above it. */
  public static final long DEFAULT_RATE = 20;

  public static final long DEFAULT_BURST = 40;

  private final CustomerRepository customers;
  private final RateLimiter limiter;
  private final CallContext calls;
  private final RateLimit lookups;

  public GetReceiverService(
      CustomerRepository customers, RateLimiter limiter, CallContext calls, RateLimit lookups) {
    this.customers = customers;
    this.limiter = limiter;
    this.calls = calls;
    this.lookups = lookups;
  }

  /** The budget of look-ups per caller: {@code rate} a second with bursts of {@code burst}. */
  public static RateLimit lookupsPerSecond(long rate, long burst) {
    return RateLimit.perSecond(
        "receiver_lookups", rate, burst, "Too many receiver look-ups with this API key; slow down");
  }

  @Override
  public Customer find(String phoneNumber) {
    limiter.acquire(lookups, calls.actor().name());
    return PhoneNumber.parse(phoneNumber)
        .flatMap(customers::findActiveByPhone)
        .orElseThrow(
            () -> new NotFoundException("phone_number", "No customer holds that phone number"));
  }
}
