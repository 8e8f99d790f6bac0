package com.customerservice.domain.port;

import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.kyc.KycCheck;
import com.customerservice.domain.kyc.KycCheckId;
import java.util.List;
import java.util.Optional;

/**
 * Where KYC checks are kept. At most one check of a customer is pending, and each vendor job names
 * one check.
 */
public interface KycCheckRepository {

  /**
   * Stores a new check and returns it as stored (at its first version).
   *
   * @throws com.customerservice.domain.error.ConflictException {@code kyc_check_in_progress} when
   *     the customer already has a pending check (nothing is stored)
   */
  KycCheck insert(KycCheck check);

  /**
   * Stores a change made from the check at {@link KycCheck#version()} and returns it at its new
   * version.
   *
   * @throws com.customerservice.domain.error.ConflictException {@code concurrent_modification} when
   *     the stored version moved on since the check was read (nothing is stored)
   */
  KycCheck update(KycCheck changed);

  Optional<KycCheck> find(KycCheckId id);

  /** The check of the job {@code vendor} calls {@code reference}. */
  Optional<KycCheck> findByJob(String vendor, String reference);

  /** The customer's check that still waits for its vendor, if one does. */
  Optional<KycCheck> findPending(CustomerId customer);

  /** The customer's most recent checks, newest first, at most {@code max}. */
  List<KycCheck> ofCustomer(CustomerId customer, int max);

  /** What {@code vendor} called the customer in their most recent job that named them. */
  Optional<String> subject(CustomerId customer, String vendor);
}
