package com.customerservice.application;

import com.customerservice.application.events.RecordingStorage;
import com.customerservice.application.port.in.ApplyKycVerdictUseCase;
import com.customerservice.application.port.in.ChangeProfilePictureUseCase;
import com.customerservice.application.port.in.CloseCustomerUseCase;
import com.customerservice.application.port.in.ConsoleSessionsUseCase;
import com.customerservice.application.port.in.DeliverWebhookUseCase;
import com.customerservice.application.port.in.DispatchEventsUseCase;
import com.customerservice.application.port.in.FindCustomerUseCase;
import com.customerservice.application.port.in.FollowUpKycChecksUseCase;
import com.customerservice.application.port.in.GetCustomerUseCase;
import com.customerservice.application.port.in.GetKycCaseUseCase;
import com.customerservice.application.port.in.GetReceiverUseCase;
import com.customerservice.application.port.in.IdempotencyUseCase;
import com.customerservice.application.port.in.InitiateCustomerCreationUseCase;
import com.customerservice.application.port.in.ListCustomersUseCase;
import com.customerservice.application.port.in.ListDeliveriesUseCase;
import com.customerservice.application.port.in.ListEventsUseCase;
import com.customerservice.application.port.in.ListSupportedDocumentsUseCase;
import com.customerservice.application.port.in.ManageWebhookEndpointsUseCase;
import com.customerservice.application.port.in.ReadStoredFileUseCase;
import com.customerservice.application.port.in.ReceiveKycCallbackUseCase;
import com.customerservice.application.port.in.ReopenKycUseCase;
import com.customerservice.application.port.in.ReviewKycCasesUseCase;
import com.customerservice.application.port.in.UpdateCustomerUseCase;
import com.customerservice.application.port.in.UploadIdentityDocumentUseCase;
import com.customerservice.application.port.in.UploadSelfieUseCase;
import com.customerservice.application.port.in.VerifyPhoneUseCase;
import com.customerservice.application.port.out.CallContext;
import com.customerservice.application.service.ApplyKycVerdictService;
import com.customerservice.application.service.ChangeProfilePictureService;
import com.customerservice.application.service.CloseCustomerService;
import com.customerservice.application.service.CodeDisclosure;
import com.customerservice.application.service.ConsoleSessionsService;
import com.customerservice.application.service.DeliverWebhookService;
import com.customerservice.application.service.DispatchEventsService;
import com.customerservice.application.service.FindCustomerService;
import com.customerservice.application.service.FollowUpKycChecksService;
import com.customerservice.application.service.GetCustomerService;
import com.customerservice.application.service.GetKycCaseService;
import com.customerservice.application.service.GetReceiverService;
import com.customerservice.application.service.IdempotencyService;
import com.customerservice.application.service.InitiateCustomerCreationService;
import com.customerservice.application.service.ListCustomersService;
import com.customerservice.application.service.ListDeliveriesService;
import com.customerservice.application.service.ListEventsService;
import com.customerservice.application.service.ListSupportedDocumentsService;
import com.customerservice.application.service.ManageWebhookEndpointsService;
import com.customerservice.application.service.ReadStoredFileService;
import com.customerservice.application.service.ReceiveKycCallbackService;
import com.customerservice.application.service.ReopenKycService;
import com.customerservice.application.service.ReviewKycCasesService;
import com.customerservice.application.service.UpdateCustomerService;
import com.customerservice.application.service.UploadIdentityDocumentService;
import com.customerservice.application.service.UploadSelfieService;
import com.customerservice.application.service.VerifyPhoneService;
import com.customerservice.domain.customer.PageTokenCodec;
import com.customerservice.domain.idempotency.IdempotencyPolicy;
import com.customerservice.domain.kyc.KycCheck;
import com.customerservice.domain.limit.RateLimit;
import com.customerservice.domain.port.DocumentCatalogue;
import com.customerservice.domain.port.KycVendors;
import com.customerservice.domain.port.OtpSender;
import com.customerservice.domain.port.Storage;
import com.customerservice.domain.port.WebhookSender;
import com.customerservice.domain.port.WorkQueue;
import com.customerservice.domain.shared.HmacKey;
import com.customerservice.domain.verification.OtpHasher;
import com.customerservice.domain.verification.OtpSendPolicy;
import com.customerservice.domain.webhook.EndpointUrl;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Every use case of the service, and {@link #wire}, the one place that builds them from the ports:
 * bootstrap, the test kit and embedding code all call it, so a new use case is wired once.
 */
public record UseCases(
    InitiateCustomerCreationUseCase initiate,
    VerifyPhoneUseCase verify,
    GetCustomerUseCase get,
    UpdateCustomerUseCase update,
    CloseCustomerUseCase close,
    ListCustomersUseCase list,
    UploadIdentityDocumentUseCase uploadDocument,
    UploadSelfieUseCase uploadSelfie,
    ChangeProfilePictureUseCase changePicture,
    GetReceiverUseCase receiver,
    ListSupportedDocumentsUseCase supportedDocuments,
    ReadStoredFileUseCase files,
    ReopenKycUseCase reopenKyc,
    ListEventsUseCase events,
    ManageWebhookEndpointsUseCase webhookEndpoints,
    ListDeliveriesUseCase deliveries,
    DispatchEventsUseCase dispatch,
    DeliverWebhookUseCase deliver,
    IdempotencyUseCase idempotency,
    GetKycCaseUseCase kycCase,
    ApplyKycVerdictUseCase kycVerdicts,
    FollowUpKycChecksUseCase kycFollowUp,
    ReceiveKycCallbackUseCase kycCallbacks,
    ReviewKycCasesUseCase kycReviews,
    FindCustomerUseCase findCustomer,
    ConsoleSessionsUseCase consoleSessions) {

  /**
   * What the use cases talk to: the store, the vendors, the catalogue, the caller, the webhook
   * sender and the queue that runs work later.
   */
  public record Ports(
      Storage storage,
      OtpSender otpSender,
      KycVendors kycVendors,
      DocumentCatalogue catalogue,
      CallContext calls,
      WebhookSender webhookSender,
      WorkQueue workQueue) {
    public Ports {
      Objects.requireNonNull(storage, "storage");
      Objects.requireNonNull(otpSender, "otpSender");
      Objects.requireNonNull(kycVendors, "kycVendors");
      Objects.requireNonNull(catalogue, "catalogue");
      Objects.requireNonNull(calls, "calls");
      Objects.requireNonNull(webhookSender, "webhookSender");
      Objects.requireNonNull(workQueue, "workQueue");
    }
  }

  /**
   * What an operator decides: the secret that keys code hashes and page tokens, whether codes are
   * disclosed (a sandbox), where and how often codes may be sent, the receiver look-up budget,
   * which webhook URLs are acceptable, how long keys are kept, and how long a KYC check waits for
   * its vendor's verdict.
   */
  public record Policies(
      HmacKey secret,
      CodeDisclosure disclosure,
      OtpSendPolicy otp,
      RateLimit receiverLookups,
      EndpointUrl.Rules webhookUrls,
      IdempotencyPolicy idempotency,
      Duration kycVerdictDeadline) {
    public Policies {
      Objects.requireNonNull(secret, "secret");
      Objects.requireNonNull(disclosure, "disclosure");
      Objects.requireNonNull(otp, "otp");
      Objects.requireNonNull(receiverLookups, "receiverLookups");
      Objects.requireNonNull(webhookUrls, "webhookUrls");
      Objects.requireNonNull(idempotency, "idempotency");
      Objects.requireNonNull(kycVerdictDeadline, "kycVerdictDeadline");
      if (kycVerdictDeadline.isNegative() || kycVerdictDeadline.isZero()) {
        throw new IllegalArgumentException("a KYC verdict deadline must be positive");
      }
    }

    /**
     * Production's defaults under {@code secret}: no disclosure, budgets on, Mozambique only, https
     * webhooks only.
     */
    public static Policies defaults(HmacKey secret) {
      return new Policies(
          secret,
          CodeDisclosure.NEVER,
          OtpSendPolicy.withDefaultBudgets(OtpSendPolicy.DEFAULT_COUNTRIES),
          GetReceiverService.lookupsPerSecond(
              GetReceiverService.DEFAULT_RATE, GetReceiverService.DEFAULT_BURST),
          EndpointUrl.Rules.production(),
          IdempotencyPolicy.defaults(),
          KycCheck.DEFAULT_VERDICT_DEADLINE);
    }
  }

  /** Builds every use case; {@code clock} and {@code random} are the only time and randomness. */
  public static UseCases wire(Ports ports, Policies policies, Clock clock, RandomGenerator random) {
    // Every customer write records its events through this store: the one seam for the outbox.
    Storage store = RecordingStorage.around(ports.storage(), ports.calls(), random);
    var customers = store.customers();
    var unitOfWork = store.unitOfWork();
    OtpHasher hasher = new OtpHasher(policies.secret());
    PageTokenCodec tokens = new PageTokenCodec(policies.secret());
    KycVendors vendors = ports.kycVendors();
    ApplyKycVerdictService verdicts =
        new ApplyKycVerdictService(
            customers,
            store.kycChecks(),
            store.kycReviews(),
            store.kycRecords(),
            unitOfWork,
            random,
            clock);
    return new UseCases(
        new InitiateCustomerCreationService(
            customers,
            store.sessions(),
            ports.otpSender(),
            hasher,
            random,
            clock,
            policies.disclosure(),
            policies.otp(),
            store.rateLimiter(),
            ports.calls()),
        new VerifyPhoneService(store.sessions(), hasher, random, clock),
        new GetCustomerService(customers),
        new UpdateCustomerService(customers, clock),
        new CloseCustomerService(customers, unitOfWork, clock),
        new ListCustomersService(customers, tokens),
        new UploadIdentityDocumentService(
            customers,
            ports.catalogue(),
            vendors.active(),
            store.documents(),
            store.kycRecords(),
            store.kycChecks(),
            store.kycReviews(),
            unitOfWork,
            random,
            clock),
        new UploadSelfieService(
            new UploadSelfieService.Stores(
                customers,
                store.kycRecords(),
                store.kycChecks(),
                store.kycReviews(),
                store.documents(),
                ports.workQueue(),
                unitOfWork),
            vendors,
            verdicts,
            policies.kycVerdictDeadline(),
            random,
            clock),
        new ChangeProfilePictureService(customers, store.documents(), unitOfWork, random, clock),
        new GetReceiverService(
            customers, store.rateLimiter(), ports.calls(), policies.receiverLookups()),
        new ListSupportedDocumentsService(ports.catalogue()),
        new ReadStoredFileService(store.documents(), customers),
        new ReopenKycService(customers, store.kycChecks(), store.kycReviews(), unitOfWork, clock),
        new ListEventsService(store.events(), customers, tokens),
        new ManageWebhookEndpointsService(
            store.webhookEndpoints(),
            ports.webhookSender(),
            policies.webhookUrls(),
            unitOfWork,
            random,
            clock),
        new ListDeliveriesService(store.webhookEndpoints(), store.webhookDeliveries(), tokens),
        new DispatchEventsService(
            store.events(),
            store.webhookEndpoints(),
            store.webhookDeliveries(),
            ports.workQueue(),
            unitOfWork,
            random,
            clock),
        new DeliverWebhookService(
            store.webhookDeliveries(),
            store.webhookEndpoints(),
            store.events(),
            ports.webhookSender(),
            unitOfWork,
            clock),
        new IdempotencyService(store.idempotency(), policies.idempotency(), random, clock),
        new GetKycCaseService(customers, store.kycRecords(), store.kycChecks(), store.kycReviews()),
        verdicts,
        new FollowUpKycChecksService(store.kycChecks(), vendors, verdicts, clock),
        new ReceiveKycCallbackService(store.kycChecks(), vendors, verdicts),
        new ReviewKycCasesService(
            new ReviewKycCasesService.Stores(
                store.kycReviews(), store.kycChecks(), store.kycRecords(), customers, unitOfWork),
            verdicts,
            tokens,
            ports.calls(),
            clock),
        new FindCustomerService(customers),
        new ConsoleSessionsService(store.consoleSessions(), store.rateLimiter(), random, clock));
  }
}
