package com.customerservice.domain.port;

import com.customerservice.domain.kyc.KycCheckId;
import com.customerservice.domain.webhook.DeliveryId;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * Background work that outlives the process: each item is run at or after the time it was enqueued
 * for, once across every instance, also after a restart. Enqueue inside the unit of work that
 * created the item, so that both or neither are kept.
 */
public interface WorkQueue {

  /** Runs {@code work} at or after {@code at}; an item already waiting keeps its time. */
  void enqueue(Work work, Instant at);

  /** The kinds of work done for one item each. */
  enum Kind {
    /** One try at a webhook delivery (the item: the delivery's id). */
    WEBHOOK_DELIVERY,
    /** Asking a vendor about a pending KYC check (the item: the check's id). */
    KYC_POLL,
    /** A pending KYC check's deadline (the item: the check's id). */
    KYC_DEADLINE;

    /** The name the work is kept and logged under ({@code kyc-poll}). */
    public String taskName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** One piece of work: its kind and the id of the item it is about. */
  record Work(Kind kind, String item) {
    public Work {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(item, "item");
    }

    public static Work delivery(DeliveryId id) {
      return new Work(Kind.WEBHOOK_DELIVERY, id.value());
    }

    public static Work poll(KycCheckId id) {
      return new Work(Kind.KYC_POLL, id.value());
    }

    public static Work deadline(KycCheckId id) {
      return new Work(Kind.KYC_DEADLINE, id.value());
    }
  }
}
