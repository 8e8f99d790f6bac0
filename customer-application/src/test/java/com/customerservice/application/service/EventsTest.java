package com.customerservice.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.customerservice.application.events.RecordingStorage;
import com.customerservice.application.fixtures.InMemoryApplication;
import com.customerservice.application.port.in.ChangeProfilePictureUseCase;
import com.customerservice.application.port.in.ListEventsUseCase;
import com.customerservice.application.port.in.UpdateCustomerUseCase;
import com.customerservice.application.port.in.UploadIdentityDocumentUseCase;
import com.customerservice.application.port.in.UploadSelfieUseCase;
import com.customerservice.domain.customer.Customer;
import com.customerservice.domain.customer.CustomerChanges;
import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.customer.SensitiveId;
import com.customerservice.domain.error.NotFoundException;
import com.customerservice.domain.event.Actor;
import com.customerservice.domain.event.CustomerEvent;
import com.customerservice.domain.event.EventFilter;
import com.customerservice.domain.event.EventType;
import com.customerservice.domain.file.Image;
import com.customerservice.domain.fixtures.TestImages;
import com.customerservice.domain.kyc.Refusal;
import com.customerservice.domain.kyc.SelfieResult;
import com.customerservice.domain.kyc.Verdict;
import com.customerservice.domain.port.Storage;
import com.customerservice.testkit.fakes.ScriptedKycVerifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every change of a customer is recorded as an event by the use case that made it, with the caller
 * and the request id, in the change's transaction, and without a sensitive value.
 */
class EventsTest {
  private static final Actor MOBILE_APP = Actor.apiKey("mobile-app");
  private final InMemoryApplication app = new InMemoryApplication();
  private final Image front = Image.decode("image1", TestImages.jpeg(64, 40), Long.MAX_VALUE);
  private final Image back = Image.decode("image2", TestImages.png(64, 40), Long.MAX_VALUE);
  private final Image selfie = Image.decode("image", TestImages.jpeg(48, 64), Long.MAX_VALUE);

  private <T> T asMobileApp(String requestId, Supplier<T> call) {
    return app.calls.callAs(MOBILE_APP, requestId, call);
  }

  private List<CustomerEvent> eventsOf(CustomerId customer) {
    return app.events.all().stream().filter(e -> e.customerId().equals(customer)).toList();
  }

  private CustomerEvent last(CustomerId customer) {
    List<CustomerEvent> events = eventsOf(customer);
    return events.get(events.size() - 1);
  }

  private String upload(CustomerId customer) {
    return app.uploadDocument
        .upload(
            new UploadIdentityDocumentUseCase.Command(
                customer.value(),
                () ->
                    new UploadIdentityDocumentUseCase.Document("MZ_BI", front, Optional.of(back))))
        .document()
        .reference()
        .value();
  }

  private SelfieResult selfie(CustomerId customer, String reference) {
    return app.uploadSelfie.upload(
        new UploadSelfieUseCase.Command(
            customer.value(), () -> new UploadSelfieUseCase.Selfie(reference, selfie)));
  }

  @Test
  void onboardingRecordsCreatedWithTheCallerAndTheRequestId() {
    CustomerId customer = asMobileApp("req_onboard", () -> app.onboard("+258841000001"));

    CustomerEvent created = last(customer);
    assertThat(created.type()).isEqualTo(EventType.CUSTOMER_CREATED);
    assertThat(created.actor()).isEqualTo(MOBILE_APP);
    assertThat(created.requestId()).contains("req_onboard");
    assertThat(created.createdAt()).isEqualTo(app.get.get(customer.value()).createdAt());
  }

  @Test
  void anUpdateNamesTheChangedFieldsAndNeverTheirValues() {
    CustomerId customer = app.onboard("+258841000002");
    asMobileApp(
        "req_update",
        () ->
            app.update.update(
                new UpdateCustomerUseCase.Command(
                    customer.value(),
                    CustomerChanges.builder()
                        .firstName("Ana")
                        .taxId(SensitiveId.of("tax_id", "400123456"))
                        .nuib(SensitiveId.of("nuib", "NUIB987654"))
                        .build())));

    CustomerEvent updated = last(customer);
    assertThat(updated.type()).isEqualTo(EventType.CUSTOMER_UPDATED);
    assertThat(updated.data().values())
        .containsEntry("changed_fields", List.of("first_name", "tax_id", "nuib"));
    assertThat(updated.toString()).doesNotContain("400123456", "NUIB987654", "Ana");
  }

  @Test
  void anUpdateThatChangesNothingRecordsNothing() {
    CustomerId customer = app.onboard("+258841000003");
    var change =
        new UpdateCustomerUseCase.Command(
            customer.value(), CustomerChanges.builder().firstName("Ana").build());
    app.update.update(change);
    int before = eventsOf(customer).size();

    Customer unchanged = app.update.update(change);

    assertThat(eventsOf(customer)).hasSize(before);
    assertThat(unchanged.version()).isEqualTo(app.get.get(customer.value()).version());
  }

  @Test
  void theKycCaseRecordsEachStepAndTheVendorDecidesTheVerdicts() {
    CustomerId customer = app.onboard("+258841000004");
    String reference = asMobileApp("req_doc", () -> upload(customer));
    CustomerEvent submitted = last(customer);
    assertThat(submitted.type()).isEqualTo(EventType.KYC_DOCUMENT_SUBMITTED);
    assertThat(submitted.data().values())
        .containsEntry("doc_type", "MZ_BI")
        .containsEntry("reference", reference);
    assertThat(submitted.actor()).isEqualTo(MOBILE_APP);

    app.kyc.answerSelfie(new Verdict.Refused(Refusal.FACE_MISMATCH));
    asMobileApp("req_selfie", () -> selfie(customer, reference));
    CustomerEvent failed = last(customer);
    assertThat(failed.type()).isEqualTo(EventType.KYC_SELFIE_FAILED);
    assertThat(failed.data().values())
        .containsEntry("result", "match")
        .containsEntry("failed_selfies", 1L);
    assertThat(failed.actor()).isEqualTo(Actor.kycProvider("scripted"));
    assertThat(failed.requestId()).contains("req_selfie");

    app.kyc.answerSelfie(ScriptedKycVerifier.approved());
    selfie(customer, reference);
    assertThat(last(customer).type()).isEqualTo(EventType.KYC_VERIFIED);
    assertThat(last(customer).actor()).isEqualTo(Actor.kycProvider("scripted"));

    app.calls.callAs(
        Actor.apiKey("back-office"), null, () -> app.reopenKyc.reopen(customer.value()));
    assertThat(last(customer).type()).isEqualTo(EventType.KYC_REOPENED);
    assertThat(last(customer).actor()).isEqualTo(Actor.apiKey("back-office"));
  }

  @Test
  void theThirdFailedSelfieRecordsTheFailureAndTheRejection() {
    CustomerId customer = app.onboard("+258841000005");
    String reference = upload(customer);
    app.kyc.answerSelfie(new Verdict.Refused(Refusal.NOT_LIVE));
    for (int i = 0; i < 3; i++) {
      selfie(customer, reference);
    }
    List<EventType> types = eventsOf(customer).stream().map(CustomerEvent::type).toList();
    assertThat(types)
        .containsSubsequence(
            EventType.KYC_SELFIE_FAILED,
            EventType.KYC_SELFIE_FAILED,
            EventType.KYC_SELFIE_FAILED,
            EventType.KYC_REJECTED);
  }

  @Test
  void aSelfieTheVendorCouldNotProcessCountsNothingButIsHeardOf() {
    CustomerId customer = app.onboard("+258841000006");
    String reference = upload(customer);
    app.kyc.answerSelfie(new Verdict.Refused(Refusal.IMAGE_UNPROCESSABLE));
    selfie(customer, reference);
    CustomerEvent failed = last(customer);
    assertThat(failed.type()).isEqualTo(EventType.KYC_SELFIE_FAILED);
    assertThat(failed.data().values())
        .containsEntry("reason", "image_unprocessable")
        .containsEntry("failed_selfies", 0L)
        .doesNotContainKey("result");
  }

  @Test
  void aPictureChangeAndAClosingAreRecorded() {
    CustomerId customer = app.onboard("+258841000007");
    app.changePicture.change(
        new ChangeProfilePictureUseCase.Command(
            customer.value(),
            () -> Image.decode("image", TestImages.jpeg(100, 80), Long.MAX_VALUE)));
    assertThat(last(customer).type()).isEqualTo(EventType.PROFILE_PICTURE_CHANGED);
    assertThat(last(customer).data().values()).containsKey("file_id");

    app.close.close(customer.value());
    assertThat(last(customer).type()).isEqualTo(EventType.CUSTOMER_CLOSED);
  }

  @Test
  void aClosedCustomersTrailStillReadsAndAnUnknownIdIs404() {
    CustomerId customer = app.onboard("+258841000008");
    app.clock.advance(Duration.ofSeconds(1));
    app.close.close(customer.value());

    var trail =
        app.useCases
            .events()
            .listForCustomer(
                customer.value(),
                new ListEventsUseCase.Query(10, Optional.empty(), EventFilter.forCustomer(null)));
    assertThat(trail.events())
        .extracting(CustomerEvent::type)
        .containsExactly(EventType.CUSTOMER_CLOSED, EventType.CUSTOMER_CREATED);

    assertThatThrownBy(
            () ->
                app.useCases
                    .events()
                    .listForCustomer(
                        "cus_" + "x".repeat(24),
                        new ListEventsUseCase.Query(
                            10, Optional.empty(), EventFilter.forCustomer(null))))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void theListPagesThroughEveryEventOnceAndItsTokenIsBoundToTheFilters() {
    for (int i = 0; i < 5; i++) {
      app.onboard("+25884100010" + i);
      app.clock.advance(Duration.ofMillis(10));
    }
    var events = app.useCases.events();
    EventFilter created = new EventFilter(EventType.CUSTOMER_CREATED, null, null, null);
    List<CustomerEvent> seen = new ArrayList<>();
    Optional<String> token = Optional.empty();
    do {
      var page = events.list(new ListEventsUseCase.Query(2, token, created));
      seen.addAll(page.events());
      token = page.nextPageToken();
    } while (token.isPresent());
    assertThat(seen).hasSize(5).doesNotHaveDuplicates();

    var first = events.list(new ListEventsUseCase.Query(2, Optional.empty(), created));
    EventFilter other = new EventFilter(EventType.CUSTOMER_CLOSED, null, null, null);
    assertThatThrownBy(
            () -> events.list(new ListEventsUseCase.Query(2, first.nextPageToken(), other)))
        .hasMessageContaining("page_token");
  }

  @Test
  void aChangeThatRollsBackRecordsNoEvent() {
    Storage recording = RecordingStorage.around(app.storage, app.calls, app.random);
    CustomerId customer = app.onboard("+258841000009");
    Customer current = app.customers.findActive(customer).orElseThrow();
    int before = eventsOf(customer).size();

    assertThatThrownBy(
            () ->
                recording
                    .unitOfWork()
                    .inTransaction(
                        () -> {
                          recording.customers().update(current.close(app.clock.instant()));
                          throw new IllegalStateException("a later step of the use case fails");
                        }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(eventsOf(customer)).hasSize(before);
    assertThat(app.customers.findActive(customer)).isPresent();
  }
}
