package com.customerservice.adapter.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerservice.adapter.persistence.PostgresDatabase;
import com.customerservice.adapter.persistence.TestDatabase;
import com.customerservice.application.port.in.UploadIdentityDocumentUseCase;
import com.customerservice.application.port.in.UploadSelfieUseCase;
import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.customer.KycStatus;
import com.customerservice.domain.event.Actor;
import com.customerservice.domain.event.CustomerEvent;
import com.customerservice.domain.event.EventFilter;
import com.customerservice.domain.event.EventQuery;
import com.customerservice.domain.event.EventType;
import com.customerservice.domain.file.Image;
import com.customerservice.domain.fixtures.TestImages;
import com.customerservice.domain.kyc.KycCheck;
import com.customerservice.domain.kyc.KycReview;
import com.customerservice.domain.kyc.Refusal;
import com.customerservice.domain.kyc.Verdict;
import com.customerservice.domain.port.WorkQueue;
import com.customerservice.testkit.fakes.ScriptedKycVerifier;
import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pending KYC checks followed up on db-scheduler over PostgreSQL, on a clock the test moves: polls
 * that back off, the deadline, a restart in between, and two instances polling the same checks.
 */
class KycFollowUpIT {
  private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

  private final SettableClock time = new SettableClock();
  private final ScriptedKycVerifier vendor = new ScriptedKycVerifier();
  private final List<ScheduledInstance> instances = new ArrayList<>();
  private PostgresDatabase database;
  private ScheduledInstance service;

  @BeforeEach
  void start() {
    time.set(T0);
    database = TestDatabase.fresh();
    service = instance(vendor);
    vendor.decideLater();
  }

  private ScheduledInstance instance(ScriptedKycVerifier kyc) {
    ScheduledInstance started = new ScheduledInstance(database, time, kyc);
    instances.add(started);
    return started;
  }

  @AfterEach
  void stop() {
    instances.forEach(ScheduledInstance::close);
    database.close();
  }

  private static Image image(int width, int height) {
    return Image.decode("image", TestImages.jpeg(width, height), Long.MAX_VALUE);
  }

  /** A customer whose selfie the vendor took to decide later; returns the customer. */
  private CustomerId pendingCheck(String phone) {
    CustomerId customer = service.onboard(phone);
    String reference =
        service
            .useCases
            .uploadDocument()
            .upload(
                new UploadIdentityDocumentUseCase.Command(
                    customer.value(),
                    () ->
                        new UploadIdentityDocumentUseCase.Document(
                            "MZ_PASSPORT", image(64, 40), Optional.empty())))
            .document()
            .reference()
            .value();
    service
        .useCases
        .uploadSelfie()
        .upload(
            new UploadSelfieUseCase.Command(
                customer.value(), () -> new UploadSelfieUseCase.Selfie(reference, image(48, 64))));
    return customer;
  }

  private KycCheck check(CustomerId customer) {
    return database.kycChecks().ofCustomer(customer, 1).get(0);
  }

  private List<CustomerEvent> events(CustomerId customer, EventType type) {
    return database
        .events()
        .page(new EventQuery(new EventFilter(type, customer, null, null), 100, Optional.empty()))
        .events();
  }

  private int waiting(WorkQueue.Kind kind) {
    return Jdbi.create(database.dataSource())
        .withHandle(
            h ->
                h.createQuery("SELECT count(*) FROM scheduled_tasks WHERE task_name = :task")
                    .bind("task", kind.taskName())
                    .mapTo(Integer.class)
                    .one());
  }

  private void tick(Duration wait) {
    time.tick(wait);
    service.runDue();
  }

  @Test
  void aPendingCheckIsPolledWithBackOffAndDecidedWhenTheVendorDecides() {
    CustomerId customer = pendingCheck("+258841000101");
    assertThat(waiting(WorkQueue.Kind.KYC_POLL)).isOne();
    assertThat(waiting(WorkQueue.Kind.KYC_DEADLINE)).isOne();
    tick(Duration.ofSeconds(9));
    assertThat(vendor.polls()).isEmpty();
    tick(Duration.ofSeconds(1));
    assertThat(vendor.polls()).hasSize(1);
    tick(Duration.ofSeconds(9));
    assertThat(vendor.polls()).as("the second poll waits 10 s").hasSize(1);
    tick(Duration.ofSeconds(1));
    assertThat(vendor.polls()).hasSize(2);
    tick(Duration.ofSeconds(19));
    assertThat(vendor.polls()).as("the third waits 20 s").hasSize(2);

    vendor.decide(check(customer).job().reference(), ScriptedKycVerifier.approved());
    tick(Duration.ofSeconds(1));
    assertThat(service.useCases.get().get(customer.value()).kycStatus())
        .isEqualTo(KycStatus.VERIFIED);
    assertThat(events(customer, EventType.KYC_VERIFIED))
        .singleElement()
        .satisfies(e -> assertThat(e.actor()).isEqualTo(Actor.kycProvider("scripted")));
    assertThat(waiting(WorkQueue.Kind.KYC_POLL)).as("no more polls").isZero();

    tick(KycCheck.DEFAULT_VERDICT_DEADLINE);
    assertThat(check(customer).status())
        .as("the deadline finds nothing to do")
        .isEqualTo(KycCheck.Status.DECIDED);
    assertThat(waiting(WorkQueue.Kind.KYC_DEADLINE)).isZero();
  }

  @Test
  void atTheDeadlineTheCheckExpiresAndAReviewOpensAsTheScheduler() {
    CustomerId customer = pendingCheck("+258841000102");
    time.tick(KycCheck.DEFAULT_VERDICT_DEADLINE);
    service.runDue();
    assertThat(check(customer).status()).isEqualTo(KycCheck.Status.EXPIRED);
    KycReview review = database.kycReviews().findOpen(customer).orElseThrow();
    assertThat(review.reason()).isEqualTo(KycReview.Reason.VENDOR_TIMEOUT);
    assertThat(events(customer, EventType.KYC_REVIEW_REQUIRED))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.actor()).isEqualTo(Actor.scheduler());
              assertThat(e.requestId()).isEmpty();
            });
    assertThat(waiting(WorkQueue.Kind.KYC_POLL)).isZero();
    assertThat(waiting(WorkQueue.Kind.KYC_DEADLINE)).isZero();
  }

  @Test
  void aPendingCheckSurvivesARestartAndTheNextInstanceFinishesIt() {
    CustomerId customer = pendingCheck("+258841000103");
    String job = check(customer).job().reference();
    service.close(); // this instance is gone; its queued work is in the database

    ScriptedKycVerifier sameVendor = new ScriptedKycVerifier();
    sameVendor.decide(job, ScriptedKycVerifier.approved());
    service = instance(sameVendor);
    tick(Duration.ofSeconds(10));
    assertThat(service.useCases.get().get(customer.value()).kycStatus())
        .isEqualTo(KycStatus.VERIFIED);
  }

  @Test
  void twoInstancesPollingTheSameChecksApplyEachVerdictOnce() throws Exception {
    List<CustomerId> customers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      customers.add(pendingCheck("+25884100020" + i));
    }
    ScheduledInstance other = instance(vendor);
    customers.forEach(
        c -> vendor.decide(check(c).job().reference(), new Verdict.Refused(Refusal.FACE_MISMATCH)));
    time.tick(Duration.ofSeconds(10));
    CompletableFuture<Void> first = CompletableFuture.runAsync(service::runDue);
    CompletableFuture<Void> second = CompletableFuture.runAsync(other::runDue);
    CompletableFuture.allOf(first, second).get();

    for (CustomerId customer : customers) {
      assertThat(events(customer, EventType.KYC_SELFIE_FAILED)).hasSize(1);
      assertThat(service.useCases.get().get(customer.value()).kyc().failedAttempts()).isOne();
    }
  }

  @Test
  void twoInstancesAskingAboutTheSameCheckAtOnceApplyItsVerdictOnce() throws Exception {
    ScheduledInstance other = instance(vendor);
    for (int i = 0; i < 6; i++) {
      CustomerId customer = pendingCheck("+25884100030" + i);
      KycCheck pending = check(customer);
      vendor.decide(pending.job().reference(), ScriptedKycVerifier.approved());
      var first =
          CompletableFuture.supplyAsync(
              () -> service.useCases.kycFollowUp().poll(pending.id().value()));
      var second =
          CompletableFuture.supplyAsync(
              () -> other.useCases.kycFollowUp().poll(pending.id().value()));
      assertThat(first.get()).isEmpty();
      assertThat(second.get()).isEmpty();
      assertThat(events(customer, EventType.KYC_VERIFIED)).hasSize(1);
    }
  }
}
