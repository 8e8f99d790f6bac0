package com.customerservice.domain.port;

import com.customerservice.domain.limit.RateLimit;

/**
 * Budgets shared by every instance of the service (receiver look-ups, codes sent): a call takes one
 * unit of a budget or is refused.
 */
public interface RateLimiter {

  /**
   * Takes one unit of {@code limit}'s budget for {@code subject} (an actor's name, say).
   *
   * @throws com.customerservice.domain.error.RateLimitedException from {@link RateLimit#refused}
   *     when the budget is spent, saying how long until a unit is back
   */
  void acquire(RateLimit limit, String subject);
}
