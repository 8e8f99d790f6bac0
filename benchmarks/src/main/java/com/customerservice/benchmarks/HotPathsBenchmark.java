package com.customerservice.benchmarks;

import com.customerservice.adapter.http.json.Json;
import com.customerservice.adapter.http.response.CustomerResponse;
import com.customerservice.adapter.crypto.TinkFieldEncryption;
import com.customerservice.adapter.crypto.Keysets;
import com.customerservice.domain.customer.Address;
import com.customerservice.domain.customer.Customer;
import com.customerservice.domain.customer.CustomerChanges;
import com.customerservice.domain.customer.CustomerFilter;
import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.customer.Email;
import com.customerservice.domain.customer.PageCursor;
import com.customerservice.domain.customer.PageTokenCodec;
import com.customerservice.domain.customer.PhoneNumber;
import com.customerservice.domain.customer.SensitiveId;
import com.customerservice.domain.shared.HmacKey;
import com.customerservice.domain.verification.OtpCode;
import com.customerservice.domain.verification.OtpHasher;
import com.customerservice.domain.verification.PhoneVerificationSession;
import com.customerservice.domain.verification.SessionId;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The in-process work of the hot requests: encryption, OTP hashing, JSON, page tokens. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HotPathsBenchmark {
  private TinkFieldEncryption cipher;
  private byte[] sealedTaxId;
  private OtpHasher hasher;
  private PhoneVerificationSession session;
  private OtpCode code;
  private Customer customer;
  private PageTokenCodec tokens;
  private PageCursor cursor;
  private String token;

  @Setup
  public void setUp() {
    SecureRandom random = new SecureRandom();
    cipher = TinkFieldEncryption.of(Keysets.generate());
    sealedTaxId = cipher.encryptText("400123456", "customer|cus_x|tax_id");
    HmacKey key =
        new HmacKey("benchmark-secret-of-32-bytes-long!!".getBytes(StandardCharsets.UTF_8));
    hasher = new OtpHasher(key);
    code = new OtpCode("123456");
    session =
        PhoneVerificationSession.start(
            SessionId.KIND.next(random), new PhoneNumber("+258841234567"), code, hasher, Instant.now());
    customer =
        Customer.register(CustomerId.KIND.next(random), new PhoneNumber("+258841234567"), Instant.now())
            .update(
                CustomerChanges.builder()
                    .firstName("John")
                    .lastName("Doe")
                    .email(new Email("john@example.com"))
                    .address(Address.parse("Av. Julius Nyerere^Maputo^Mozambique^1100"))
                    .taxId(SensitiveId.of("tax_id", "400123456"))
                    .build(),
                Instant.now());
    tokens = new PageTokenCodec(key);
    cursor = PageCursor.after(customer);
    token = tokens.encode(cursor, CustomerFilter.none());
  }

  @Benchmark
  public byte[] encryptField() {
    return cipher.encryptText("400123456", "customer|cus_x|tax_id");
  }

  @Benchmark
  public String decryptField() {
    return cipher.decryptText(sealedTaxId, "customer|cus_x|tax_id");
  }

  @Benchmark
  public Object verifyOtp() {
    return session.attempt(code, hasher, Instant.now());
  }

  @Benchmark
  public byte[] hashOtp() {
    return hasher.hash(session.id(), code);
  }

  @Benchmark
  public byte[] serialiseCustomer() throws Exception {
    return Json.MAPPER.writeValueAsBytes(CustomerResponse.Envelope.of(customer));
  }

  @Benchmark
  public String encodePageToken() {
    return tokens.encode(cursor, CustomerFilter.none());
  }

  @Benchmark
  public PageCursor decodePageToken() {
    return tokens.decode(token, CustomerFilter.none());
  }

  @Benchmark
  public PhoneNumber parsePhone() {
    return new PhoneNumber("+258841234567");
  }
}
