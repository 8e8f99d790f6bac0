package com.customerservice.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.customerservice.clients.RunningService.Running;
import com.customerservice.clients.nativejava.ApiClient;
import com.customerservice.clients.nativejava.ApiException;
import com.customerservice.clients.nativejava.ApiResponse;
import com.customerservice.clients.nativejava.api.CustomersApi;
import com.customerservice.clients.nativejava.api.FilesApi;
import com.customerservice.clients.nativejava.api.KycApi;
import com.customerservice.clients.nativejava.api.OnboardingApi;
import com.customerservice.clients.nativejava.api.WebhooksApi;
import com.customerservice.clients.nativejava.model.AddressInput;
import com.customerservice.clients.nativejava.model.Customer;
import com.customerservice.clients.nativejava.model.CustomerList;
import com.customerservice.clients.nativejava.model.CustomerUpdate;
import com.customerservice.clients.nativejava.model.CustomerUpdateAddress;
import com.customerservice.clients.nativejava.model.DocumentType;
import com.customerservice.clients.nativejava.model.DocumentUploaded;
import com.customerservice.clients.nativejava.model.Error;
import com.customerservice.clients.nativejava.model.InitiateRequest;
import com.customerservice.clients.nativejava.model.KycStatus;
import com.customerservice.clients.nativejava.model.PhoneVerificationSession;
import com.customerservice.clients.nativejava.model.Receiver;
import com.customerservice.clients.nativejava.model.SelfieResult;
import com.customerservice.clients.nativejava.model.Verification;
import com.customerservice.clients.nativejava.model.VerifyRequest;
import com.customerservice.clients.nativejava.model.WebhookDelivery;
import com.customerservice.clients.nativejava.model.WebhookEndpoint;
import com.customerservice.clients.nativejava.model.WebhookEndpointCreate;
import java.io.File;
import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The journey a client team drives, through the Java {@code native} client generated from the
 * served document, against the service jar. Nothing here is written by hand but the calls.
 */
@ExtendWith(RunningService.class)
class NativeClientJourneyIT {
  private Running service;
  private ApiClient client;
  private OnboardingApi onboarding;
  private CustomersApi customers;
  private KycApi kyc;
  private FilesApi files;
  private WebhooksApi webhooks;

  @BeforeEach
  void client(Running running) {
    service = running;
    client = new ApiClient();
    client.updateBaseUri(running.origin());
    // The native library generates no authentication helpers: a request interceptor adds the key.
    client.setRequestInterceptor(
        request -> request.header("Authorization", "Bearer " + RunningService.API_KEY));
    onboarding = new OnboardingApi(client);
    customers = new CustomersApi(client);
    kyc = new KycApi(client);
    files = new FilesApi(client);
    webhooks = new WebhooksApi(client);
  }

  private String onboard(String phone) throws ApiException {
    PhoneVerificationSession session =
        onboarding.initiateCustomerCreation(new InitiateRequest().phoneNumber(phone), null);
    // A retry with the same Idempotency-Key gets the first answer again and creates nothing.
    String key = "verify-" + session.getSessionId();
    ApiResponse<Verification> verified =
        onboarding.verifyCustomerPhoneWithHttpInfo(
            new VerifyRequest()
                .sessionId(session.getSessionId())
                .verificationCode(session.getOtp()),
            key);
    ApiResponse<Verification> retried =
        onboarding.verifyCustomerPhoneWithHttpInfo(
            new VerifyRequest()
                .sessionId(session.getSessionId())
                .verificationCode(session.getOtp()),
            key);
    assertThat(retried.getHeaders().get("Idempotent-Replayed")).containsExactly("true");
    assertThat(retried.getData()).isEqualTo(verified.getData());
    assertThat(verified.getStatusCode()).isEqualTo(201);
    String id = verified.getData().getCustomerId();
    assertThat(verified.getHeaders().get("Location")).containsExactly("/v1/customers/" + id);
    assertThat(verified.getHeaders().get("Request-Id"))
        .singleElement()
        .asString()
        .startsWith("req_");
    return id;
  }

  private Error error(ApiException e) throws Exception {
    return client.getObjectMapper().readValue(e.getResponseBody(), Error.class);
  }

  @Test
  void onboardingThenTheCustomerAsGetShowsIt() throws Exception {
    String id = onboard("+258841000001");
    Customer customer = customers.getCustomer(id).getCustomer();
    assertThat(customer.getCustomerId()).isEqualTo(id);
    assertThat(customer.getPhone()).isEqualTo("+258841000001");
    assertThat(customer.getKycStatus()).isEqualTo(KycStatus.UNVERIFIED);
    // A new customer has null objects: the generated model reads them.
    assertThat(customer.getAddress()).isNull();
    assertThat(customer.getProfilePicture()).isNull();
  }

  @Test
  void aSecondCodeTooSoonIs429WithRetryAfter() throws Exception {
    InitiateRequest request = new InitiateRequest().phoneNumber("+258841000002");
    onboarding.initiateCustomerCreation(request, null);
    ApiException refused =
        catchThrowableOfType(
            ApiException.class, () -> onboarding.initiateCustomerCreation(request, null));
    assertThat(refused.getCode()).isEqualTo(429);
    assertThat(refused.getResponseHeaders().firstValue("Retry-After").map(Integer::parseInt))
        .hasValueSatisfying(seconds -> assertThat(seconds).isBetween(1, 30));
    assertThat(error(refused).getError().getCode()).isEqualTo("rate_limited");
  }

  @Test
  void updatesSetAddressesBothWaysAndNullClears() throws Exception {
    String id = onboard("+258841000003");
    Customer named =
        customers
            .updateCustomer(
                id,
                new CustomerUpdate()
                    .firstName("Ana")
                    .lastName("Machava")
                    .email("ana@example.co.mz")
                    .taxId("400123456")
                    .address(new CustomerUpdateAddress("Av. Julius Nyerere 1^Maputo^MZ^1100")),
                null)
            .getCustomer();
    assertThat(named.getAddress().getCity()).isEqualTo("Maputo");
    assertThat(named.getAddress().getPostalCode()).isEqualTo("1100");
    assertThat(named.getTaxId()).isEqualTo("***encrypted***");

    Customer moved =
        customers
            .updateCustomer(
                id,
                new CustomerUpdate()
                    .address(
                        new CustomerUpdateAddress(
                            new AddressInput().street("Rua da Sé 12").city("Beira").country("MZ"))),
                null)
            .getCustomer();
    assertThat(moved.getAddress().getCity()).isEqualTo("Beira");
    assertThat(moved.getAddress().getPostalCode()).isNull();

    // Explicit null (JsonNullable) clears; what is not set stays as it is.
    CustomerUpdate clearEmail = new CustomerUpdate();
    clearEmail.setEmail(null);
    Customer cleared = customers.updateCustomer(id, clearEmail, null).getCustomer();
    assertThat(cleared.getEmail()).isNull();
    assertThat(cleared.getFirstName()).isEqualTo("Ana");
    assertThat(cleared.getTaxId()).isEqualTo("***encrypted***");

    // GET, edit one field, PUT back what GET showed (the masked tax id included).
    Customer shown = customers.getCustomer(id).getCustomer();
    Customer roundTrip =
        customers
            .updateCustomer(
                id,
                new CustomerUpdate()
                    .firstName(shown.getFirstName())
                    .lastName("Machava Cossa")
                    .taxId(shown.getTaxId()),
                null)
            .getCustomer();
    assertThat(roundTrip.getLastName()).isEqualTo("Machava Cossa");
    assertThat(roundTrip.getTaxId()).isEqualTo("***encrypted***");
  }

  @Test
  void listingPagesThroughEveryCustomerOnce() throws Exception {
    OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      created.add(onboard("+25884100010" + i));
    }
    List<String> seen = new ArrayList<>();
    String token = null;
    do {
      CustomerList page = customers.listCustomers(2, token, "active", null, before, null);
      assertThat(page.getData()).hasSizeLessThanOrEqualTo(2);
      page.getData().forEach(customer -> seen.add(customer.getCustomerId()));
      token = page.getHasMore() ? page.getNextPageToken() : null;
    } while (token != null);
    assertThat(seen).doesNotHaveDuplicates().containsAll(created);
  }

  @Test
  void kycWithATwoSidedAndAOneSidedDocumentThenAFailedAndAMatchingSelfie() throws Exception {
    String id = onboard("+258841000004");
    List<DocumentType> types = kyc.listSupportedDocuments().getData();
    assertThat(types)
        .anySatisfy(type -> assertThat(type.getCode()).isEqualTo("MZ_BI"))
        .anySatisfy(type -> assertThat(type.getCode()).isEqualTo("MZ_PASSPORT"));

    DocumentUploaded identityCard =
        kyc.uploadDocument(
            id,
            "MZ_BI",
            service.jpeg("bi-front", 900, 600).toFile(),
            null,
            service.jpeg("bi-back", 900, 600).toFile());
    assertThat(identityCard.getReference()).isNotBlank();

    DocumentUploaded passport =
        kyc.uploadDocument(
            id, "MZ_PASSPORT", service.jpeg("passport", 880, 620).toFile(), null, null);
    assertThat(customers.getCustomer(id).getCustomer().getKycStatus()).isEqualTo(KycStatus.PENDING);

    // The sandbox's documented magic: a selfie 420 px wide does not match the document.
    SelfieResult mismatch =
        kyc.uploadSelfie(
            id, service.jpeg("selfie-other", 420, 560).toFile(), passport.getReference(), null);
    assertThat(mismatch.getStatus()).isFalse();
    assertThat(mismatch.getResult()).isEqualTo(SelfieResult.ResultEnum.MATCH);

    SelfieResult match =
        kyc.uploadSelfie(
            id, service.jpeg("selfie", 480, 640).toFile(), passport.getReference(), null);
    assertThat(match.getStatus()).isTrue();
    assertThat(customers.getCustomer(id).getCustomer().getKycStatus())
        .isEqualTo(KycStatus.VERIFIED);
  }

  @Test
  void theProfilePictureReadsBackAsImageBytes() throws Exception {
    String id = onboard("+258841000005");
    Customer pictured =
        customers
            .changeProfilePicture(id, service.jpeg("me", 640, 480).toFile(), null)
            .getCustomer();
    String fileId = pictured.getProfilePicture().getFileId();

    File picture = files.readFile("profiles", fileId);
    byte[] bytes = Files.readAllBytes(picture.toPath());
    assertThat(ImageIO.read(picture))
        .isNotNull()
        .extracting(image -> image.getWidth())
        .isEqualTo(640);
    assertThat(bytes).startsWith((byte) 0xFF, (byte) 0xD8);
  }

  @Test
  void aReceiverIsFoundByANumberWithItsPlus() throws Exception {
    String id = onboard("+258841000006");
    customers.updateCustomer(id, new CustomerUpdate().firstName("Rosa").lastName("Tembe"), null);
    Receiver receiver = customers.getReceiver("+258841000006");
    assertThat(receiver.getId()).isEqualTo(id);
    assertThat(receiver.getFirstName()).isEqualTo("Rosa");
  }

  @Test
  void aClosedCustomerIs404ParsedIntoTheErrorModel() throws Exception {
    String id = onboard("+258841000007");
    assertThat(customers.deleteCustomer(id, null).getDeleted()).isTrue();

    ApiException missing =
        catchThrowableOfType(ApiException.class, () -> customers.getCustomer(id));
    assertThat(missing.getCode()).isEqualTo(404);
    Error error = error(missing);
    assertThat(error.getError().getCode()).isEqualTo("resource_missing");
    assertThat(error.getRequestId())
        .isEqualTo(missing.getResponseHeaders().firstValue("Request-Id").orElseThrow());
  }

  @Test
  void aWebhookEndpointIsCreatedListedReadDeliveredToAndDeleted() throws Exception {
    try (WebhookReceiver receiver = WebhookReceiver.start()) {
      // The journeys' key has every scope, back_office included.
      WebhookEndpoint created =
          webhooks.createWebhookEndpoint(
              new WebhookEndpointCreate()
                  .url(receiver.url())
                  .enabledEvents(List.of("customer.created"))
                  .description("native journey"),
              null);
      String endpoint = created.getId();
      assertThat(created.getSecret()).startsWith("whsec_");
      assertThat(webhooks.listWebhookEndpoints().getData())
          .extracting(WebhookEndpoint::getId)
          .contains(endpoint);
      WebhookEndpoint read = webhooks.getWebhookEndpoint(endpoint);
      assertThat(read.getUrl()).isEqualTo(receiver.url());
      assertThat(read.getSecret()).as("shown only at creation").isNull();

      String customer = onboard("+258841000008");
      WebhookDelivery delivered =
          WebhookReceiver.eventually(
                  () -> webhooks.listWebhookDeliveries(endpoint, 100, null).getData(),
                  log ->
                      log.stream()
                          .anyMatch(d -> d.getStatus() == WebhookDelivery.StatusEnum.DELIVERED))
              .stream()
              .filter(d -> d.getStatus() == WebhookDelivery.StatusEnum.DELIVERED)
              .findFirst()
              .orElseThrow();
      assertThat(delivered.getEndpointId()).isEqualTo(endpoint);
      assertThat(delivered.getAttempts())
          .first()
          .satisfies(a -> assertThat(a.getStatusCode()).isEqualTo(204));
      assertThat(receiver.signedDeliveries()).isPositive();
      assertThat(customer).startsWith("cus_");

      assertThat(webhooks.deleteWebhookEndpoint(endpoint, null).getDeleted()).isTrue();
      assertThat(webhooks.getWebhookEndpoint(endpoint).getStatus())
          .isEqualTo(WebhookEndpoint.StatusEnum.DELETED);
      assertThat(webhooks.listWebhookEndpoints().getData())
          .extracting(WebhookEndpoint::getId)
          .doesNotContain(endpoint);
    }
  }
}
