package com.customerservice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerservice.application.context.PerThreadCallContext;
import com.customerservice.application.inmemory.InMemoryCustomerRepository;
import com.customerservice.application.inmemory.InMemoryPhoneVerificationRepository;
import com.customerservice.application.inmemory.InMemoryRateLimiter;
import com.customerservice.application.inmemory.InMemoryUnitOfWork;
import com.customerservice.application.port.in.InitiateCustomerCreationUseCase;
import com.customerservice.application.port.in.VerifyPhoneUseCase;
import com.customerservice.application.service.CodeDisclosure;
import com.customerservice.application.service.GetCustomerService;
import com.customerservice.application.service.InitiateCustomerCreationService;
import com.customerservice.application.service.VerifyPhoneService;
import com.customerservice.domain.customer.PhoneNumber;
import com.customerservice.domain.port.OtpSender;
import com.customerservice.domain.shared.HmacKey;
import com.customerservice.domain.verification.OtpCode;
import com.customerservice.domain.verification.OtpHasher;
import com.customerservice.domain.verification.OtpSendPolicy;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The README's embedding example, compiled and run: the domain and application in another JVM
 * service, with that service's own adapters (here its SMS sender and, for brevity, in-memory
 * repositories) and no framework.
 */
class EmbeddingExampleTest {

  @Test
  void onboardsACustomerThroughTheUseCasesAlone() {
    // Your adapters: anything implementing the domain's ports.
    AtomicReference<OtpCode> lastSms = new AtomicReference<>();
    OtpSender yourSmsGateway = (phone, code) -> lastSms.set(code);
    var unitOfWork = new InMemoryUnitOfWork();
    var customers = new InMemoryCustomerRepository(unitOfWork);
    var sessions = new InMemoryPhoneVerificationRepository(unitOfWork, customers);

    // The core, wired with plain constructors.
    var hasher =
        new OtpHasher(
            new HmacKey("a secret of at least 32 bytes!!!".getBytes(StandardCharsets.UTF_8)));
    var random = new SecureRandom();
    var clock = Clock.systemUTC();
    var initiate =
        new InitiateCustomerCreationService(
            customers,
            sessions,
            yourSmsGateway,
            hasher,
            random,
            clock,
            CodeDisclosure.NEVER,
            OtpSendPolicy.withDefaultBudgets(OtpSendPolicy.DEFAULT_COUNTRIES),
            new InMemoryRateLimiter(clock),
            new PerThreadCallContext());
    var verify = new VerifyPhoneService(sessions, hasher, random, clock);
    var get = new GetCustomerService(customers);

    var started =
        initiate.initiate(
            new InitiateCustomerCreationUseCase.Command(new PhoneNumber("+258841234567")));
    var verified =
        verify.verify(new VerifyPhoneUseCase.Command(started.sessionId().value(), lastSms.get()));

    assertThat(get.get(verified.customerId().value()).phone().e164()).isEqualTo("+258841234567");
  }
}
