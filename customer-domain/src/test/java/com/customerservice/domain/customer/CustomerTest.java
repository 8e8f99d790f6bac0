package com.customerservice.domain.customer;

import static com.customerservice.domain.fixtures.CustomerBuilder.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.customerservice.domain.error.ConflictException;
import com.customerservice.domain.error.InvalidValueException;
import com.customerservice.domain.event.EventData;
import com.customerservice.domain.event.EventType;
import com.customerservice.domain.event.Happening;
import com.customerservice.domain.file.Bucket;
import com.customerservice.domain.file.FileId;
import com.customerservice.domain.file.FileRef;
import com.customerservice.domain.fixtures.KycFixtures;
import com.customerservice.domain.kyc.DocumentExtraction;
import com.customerservice.domain.kyc.KycCase;
import com.customerservice.domain.kyc.Refusal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CustomerTest {
  private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
  private static final Instant T1 = T0.plus(Duration.ofMinutes(1));
  private final SplittableRandom random = new SplittableRandom(7);

  private Customer fresh() {
    return aCustomer().createdAt(T0).build();
  }

  private static DocumentExtraction document() {
    return new DocumentExtraction(
        "Jane Maria",
        "Machava",
        LocalDate.of(1990, 1, 15),
        SensitiveId.of("id_number", "110100123456A"),
        LocalDate.of(2020, 1, 1),
        LocalDate.of(2030, 1, 1),
        null);
  }

  @Test
  void aNewCustomerIsActivePersonalAndUnverified() {
    Customer customer = fresh();
    assertThat(customer.status()).isEqualTo(CustomerStatus.ACTIVE);
    assertThat(customer.kycStatus()).isEqualTo(KycStatus.UNVERIFIED);
    assertThat(customer.profile().segment()).isEqualTo(CustomerSegment.PERSONAL);
    assertThat(customer.profile().firstName()).isNull();
    assertThat(customer.governmentIds()).isEqualTo(GovernmentIds.none());
    assertThat(customer.createdAt()).isEqualTo(T0).isEqualTo(customer.updatedAt());
  }

  @Test
  void anUpdateChangesOnlyTheFieldsItNames() {
    Customer named =
        fresh().update(CustomerChanges.builder().firstName("John").lastName("Doe").build(), T0);
    Customer updated =
        named.update(
            CustomerChanges.builder()
                .email(new Email("newemail@example.com"))
                .taxId(SensitiveId.of("tax_id", "123456789"))
                .build(),
            T1);
    assertThat(updated.profile().firstName().value()).isEqualTo("John");
    assertThat(updated.profile().lastName().value()).isEqualTo("Doe");
    assertThat(updated.profile().email()).isEqualTo(new Email("newemail@example.com"));
    assertThat(updated.governmentIds().taxId().reveal()).isEqualTo("123456789");
    assertThat(updated.governmentIds().nuib()).isNull();
    assertThat(updated.updatedAt()).isEqualTo(T1);
    assertThat(updated.createdAt()).isEqualTo(T0);
  }

  @Test
  void aClearedFieldIsGoneAndAnAbsentOneStays() {
    Customer named =
        fresh()
            .update(
                CustomerChanges.builder()
                    .firstName("John")
                    .email(new Email("john@example.com"))
                    .taxId(SensitiveId.of("tax_id", "123456789"))
                    .build(),
                T0);
    Customer cleared =
        named.update(CustomerChanges.builder().clear("email").clear("tax_id").build(), T1);
    assertThat(cleared.profile().email()).isNull();
    assertThat(cleared.governmentIds().taxId()).isNull();
    assertThat(cleared.profile().firstName()).isEqualTo(new FirstName("John"));
    assertThatThrownBy(() -> CustomerChanges.builder().clear("customer_segment").build())
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.param()).contains("customer_segment"));
  }

  @Test
  void clearingAVerifiedNameIsAChangeOfTheIdentity() {
    Customer verified = verified(submitted(fresh(), T0), T0);
    assertThatThrownBy(
            () -> verified.update(CustomerChanges.builder().clear("last_name").build(), T1))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.param()).contains("last_name"));
  }

  @Test
  void anEmptyUpdateChangesNothingNotEvenTheTimestamp() {
    Customer customer = fresh();
    assertThat(customer.update(CustomerChanges.builder().build(), T1)).isSameAs(customer);
  }

  @Test
  void refusesABirthDateInTheFuture() {
    var changes = CustomerChanges.builder().dateOfBirth(LocalDate.of(2026, 3, 2)).build();
    assertThatThrownBy(() -> fresh().update(changes, T0))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.param()).contains("date_of_birth"));
  }

  @Test
  void refusesABirthDateBefore1900() {
    var changes = CustomerChanges.builder().dateOfBirth(LocalDate.of(1899, 12, 31)).build();
    assertThatThrownBy(() -> fresh().update(changes, T0)).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void changesRefuseBlankTextNamingTheField() {
    assertThatThrownBy(() -> CustomerChanges.builder().firstName("  ").build())
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.param()).contains("first_name"));
    assertThatThrownBy(() -> CustomerChanges.builder().lastName("x".repeat(101)).build())
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.param()).contains("last_name"));
    assertThatThrownBy(() -> CustomerChanges.builder().qrcodeId("qr code!").build())
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.param()).contains("qrcode_id"));
  }

  @Test
  void closingKeepsTheCustomerButMarksItClosed() {
    Customer closed = fresh().close(T1);
    assertThat(closed.status()).isEqualTo(CustomerStatus.CLOSED);
    assertThat(closed.isActive()).isFalse();
    assertThat(closed.updatedAt()).isEqualTo(T1);
  }

  @Test
  void aClosedCustomerCannotChange() {
    Customer closed = fresh().close(T1);
    assertThatThrownBy(() -> closed.update(CustomerChanges.builder().firstName("A").build(), T1))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> closed.close(T1)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void anAcceptedDocumentMakesTheCasePendingAndSaysSo() {
    Customer pending = submitted(fresh(), T1);
    assertThat(pending.kycStatus()).isEqualTo(KycStatus.PENDING);
    assertThat(pending.updatedAt()).isEqualTo(T1);
    assertThat(pending.happenings())
        .extracting(Happening::type)
        .containsExactly(EventType.KYC_DOCUMENT_SUBMITTED);
  }

  @Test
  void aVerificationCopiesTheDocumentsIdentity() {
    Customer verified = verified(submitted(fresh(), T0), T1);
    assertThat(verified.kycStatus()).isEqualTo(KycStatus.VERIFIED);
    assertThat(verified.profile().firstName().value()).isEqualTo("Jane Maria");
    assertThat(verified.profile().lastName().value()).isEqualTo("Machava");
    assertThat(verified.profile().dateOfBirth()).isEqualTo(LocalDate.of(1990, 1, 15));
    assertThat(verified.governmentIds().nationalityId().reveal()).isEqualTo("110100123456A");
  }

  @Test
  void aVerificationWithoutAReadingKeepsTheProfileAsEntered() {
    Customer named =
        submitted(fresh(), T0)
            .update(CustomerChanges.builder().firstName("Ana").lastName("Cossa").build(), T0);
    Customer verified =
        named.apply(
            named.kyc().verify(Optional.empty(), KycFixtures.VENDOR, EventData.empty()), T1);
    assertThat(verified.kycStatus()).isEqualTo(KycStatus.VERIFIED);
    assertThat(verified.profile().firstName().value()).isEqualTo("Ana");
    assertThat(verified.governmentIds().nationalityId()).isNull();
  }

  @Test
  void aTransitionMadeFromAnotherStateIsRefused() {
    Customer customer = submitted(fresh(), T0);
    var stale = fresh().kyc().submitDocument("MZ_BI", KycFixtures.REFERENCE);
    assertThatThrownBy(() -> customer.apply(stale, T1)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aVerifiedCustomerTakesNoNewDocumentUntilKycIsReopened() {
    Customer verified = verified(submitted(fresh(), T0), T0);
    assertThatThrownBy(() -> submitted(verified, T1))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.code()).isEqualTo("identity_verified"));
    Customer reopened = verified.apply(verified.kyc().reopen(), T1);
    assertThat(submitted(reopened, T1).kycStatus()).isEqualTo(KycStatus.PENDING);
  }

  @Test
  void theVerifiedIdentityIsLockedAgainstChange() {
    Customer verified = verified(submitted(fresh(), T0), T0);
    for (var change :
        List.of(
            CustomerChanges.builder().firstName("Mallory").build(),
            CustomerChanges.builder().lastName("Impostor").build(),
            CustomerChanges.builder().dateOfBirth(LocalDate.of(1991, 1, 15)).build())) {
      assertThatThrownBy(() -> verified.update(change, T1))
          .isInstanceOfSatisfying(
              ConflictException.class,
              e -> {
                assertThat(e.code()).isEqualTo("identity_verified");
                assertThat(e.param()).isPresent();
              });
    }
  }

  @Test
  void theVerifiedIdentitySentBackUnchangedAndOtherFieldsMayStillChange() {
    Customer verified = verified(submitted(fresh(), T0), T0);
    Customer updated =
        verified.update(
            CustomerChanges.builder()
                .firstName("Jane Maria")
                .dateOfBirth(LocalDate.of(1990, 1, 15))
                .email(new Email("jane@example.com"))
                .build(),
            T1);
    assertThat(updated.profile().email()).isEqualTo(new Email("jane@example.com"));
    assertThat(updated.kycStatus()).isEqualTo(KycStatus.VERIFIED);
  }

  @Test
  void reopeningKycUnlocksTheIdentity() {
    Customer verified = verified(failed(submitted(fresh(), T0), T0), T0);
    Customer reopened = verified.apply(verified.kyc().reopen(), T1);
    assertThat(reopened.kyc()).isEqualTo(KycCase.unverified());
    assertThat(
            reopened
                .update(CustomerChanges.builder().firstName("Joana").build(), T1)
                .profile()
                .firstName())
        .isEqualTo(new FirstName("Joana"));
  }

  @Test
  void aClosedCustomersCaseCannotChange() {
    Customer closed = submitted(fresh(), T0).close(T1);
    assertThatThrownBy(() -> verified(closed, T1)).isInstanceOf(IllegalStateException.class);
  }

  private static Customer submitted(Customer customer, Instant at) {
    return customer.apply(customer.kyc().submitDocument("MZ_BI", KycFixtures.REFERENCE), at);
  }

  private static Customer verified(Customer customer, Instant at) {
    return customer.apply(
        customer.kyc().verify(Optional.of(document()), KycFixtures.VENDOR, EventData.empty()), at);
  }

  private static Customer failed(Customer customer, Instant at) {
    return customer.apply(
        customer.kyc().refuse(Refusal.FACE_MISMATCH, KycFixtures.VENDOR, EventData.empty()), at);
  }

  @Test
  void changingThePicturePointsAtTheNewFile() {
    FileRef picture = new FileRef(FileId.KIND.next(random), Bucket.PROFILES);
    Customer customer = fresh().changeProfilePicture(picture, T1);
    assertThat(customer.profilePicture()).isEqualTo(picture);
    assertThat(picture.link()).isEqualTo("/files/profiles/" + picture.fileId().value());
  }

  @Test
  void changesKeepTheLoadedVersionForTheRepositoryToCheck() {
    Customer stored = fresh().atVersion(4);
    assertThat(stored.update(CustomerChanges.builder().firstName("A").build(), T1).version())
        .isEqualTo(4);
  }

  @Test
  void updatedAtNeverMovesBackwards() {
    Customer customer = fresh().update(CustomerChanges.builder().firstName("A").build(), T1);
    assertThat(customer.update(CustomerChanges.builder().firstName("B").build(), T0).updatedAt())
        .isEqualTo(T1);
  }

  @Test
  void toStringCarriesNoPersonalData() {
    Customer customer =
        fresh()
            .update(
                CustomerChanges.builder()
                    .firstName("John")
                    .taxId(SensitiveId.of("tax_id", "123456789"))
                    .build(),
                T1);
    assertThat(customer.toString()).doesNotContain("John", "123456789", "841234567");
  }
}
