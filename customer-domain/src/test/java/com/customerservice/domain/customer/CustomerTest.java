package com.customerservice.domain.customer;

import static com.customerservice.domain.fixtures.CustomerBuilder.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.customerservice.domain.error.ConflictException;
import com.customerservice.domain.error.InvalidValueException;
import com.customerservice.domain.error.KycRefusedException;
import com.customerservice.domain.file.Bucket;
import com.customerservice.domain.file.FileId;
import com.customerservice.domain.file.FileRef;
import com.customerservice.domain.fixtures.KycFixtures;
import com.customerservice.domain.kyc.DocumentExtraction;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
    Customer verified =
        fresh()
            .documentAccepted("MZ_BI", KycFixtures.REFERENCE, T0)
            .selfieMatched(document(), KycFixtures.VENDOR, T0);
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
  void anAcceptedDocumentMakesTheCasePending() {
    assertThat(fresh().documentAccepted("MZ_BI", KycFixtures.REFERENCE, T1).kycStatus())
        .isEqualTo(KycStatus.PENDING);
  }

  @Test
  void aMatchingSelfieVerifiesAndCopiesTheDocumentsIdentity() {
    Customer verified =
        fresh()
            .documentAccepted("MZ_BI", KycFixtures.REFERENCE, T0)
            .selfieMatched(document(), KycFixtures.VENDOR, T1);
    assertThat(verified.kycStatus()).isEqualTo(KycStatus.VERIFIED);
    assertThat(verified.profile().firstName().value()).isEqualTo("Jane Maria");
    assertThat(verified.profile().lastName().value()).isEqualTo("Machava");
    assertThat(verified.profile().dateOfBirth()).isEqualTo(LocalDate.of(1990, 1, 15));
    assertThat(verified.governmentIds().nationalityId().reveal()).isEqualTo("110100123456A");
  }

  @Test
  void aVerifiedCustomerTakesNoNewDocumentUntilKycIsReopened() {
    Customer verified =
        fresh()
            .documentAccepted("MZ_BI", KycFixtures.REFERENCE, T0)
            .selfieMatched(document(), KycFixtures.VENDOR, T0);
    assertThatThrownBy(() -> verified.documentAccepted("MZ_BI", KycFixtures.REFERENCE, T1))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.code()).isEqualTo("identity_verified"));
    assertThat(
            verified.reopenKyc(T1).documentAccepted("MZ_BI", KycFixtures.REFERENCE, T1).kycStatus())
        .isEqualTo(KycStatus.PENDING);
  }

  @Test
  void theVerifiedIdentityIsLockedAgainstChange() {
    Customer verified =
        fresh()
            .documentAccepted("MZ_BI", KycFixtures.REFERENCE, T0)
            .selfieMatched(document(), KycFixtures.VENDOR, T0);
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
    Customer verified =
        fresh()
            .documentAccepted("MZ_BI", KycFixtures.REFERENCE, T0)
            .selfieMatched(document(), KycFixtures.VENDOR, T0);
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
  void reopeningKycUnlocksTheIdentityAndForgetsFailedSelfies() {
    Customer verified =
        fresh()
            .documentAccepted("MZ_BI", KycFixtures.REFERENCE, T0)
            .selfieFailed("match", KycFixtures.VENDOR, T0)
            .selfieMatched(document(), KycFixtures.VENDOR, T0);
    Customer reopened = verified.reopenKyc(T1);
    assertThat(reopened.kycStatus()).isEqualTo(KycStatus.UNVERIFIED);
    assertThat(reopened.failedSelfies()).isZero();
    assertThat(
            reopened
                .update(CustomerChanges.builder().firstName("Joana").build(), T1)
                .profile()
                .firstName())
        .isEqualTo(new FirstName("Joana"));
    Customer rejected =
        fresh()
            .documentAccepted("MZ_BI", KycFixtures.REFERENCE, T0)
            .selfieFailed("match", KycFixtures.VENDOR, T0)
            .selfieFailed("match", KycFixtures.VENDOR, T0)
            .selfieFailed("match", KycFixtures.VENDOR, T0);
    assertThat(rejected.reopenKyc(T1).kycStatus()).isEqualTo(KycStatus.UNVERIFIED);
  }

  @Test
  void theThirdFailedSelfieRejectsTheCase() {
    Customer customer = fresh().documentAccepted("MZ_BI", KycFixtures.REFERENCE, T0);
    customer = customer.selfieFailed("match", KycFixtures.VENDOR, T1);
    assertThat(customer.kycStatus()).isEqualTo(KycStatus.PENDING);
    customer = customer.selfieFailed("match", KycFixtures.VENDOR, T1);
    assertThat(customer.kycStatus()).isEqualTo(KycStatus.PENDING);
    assertThat(customer.failedSelfies()).isEqualTo(2);
    customer = customer.selfieFailed("match", KycFixtures.VENDOR, T1);
    assertThat(customer.kycStatus()).isEqualTo(KycStatus.REJECTED);
  }

  @Test
  void aRejectedCaseRefusesEveryFurtherKycStep() {
    Customer rejected =
        fresh()
            .documentAccepted("MZ_BI", KycFixtures.REFERENCE, T0)
            .selfieFailed("match", KycFixtures.VENDOR, T0)
            .selfieFailed("match", KycFixtures.VENDOR, T0)
            .selfieFailed("match", KycFixtures.VENDOR, T0);
    assertThatThrownBy(() -> rejected.documentAccepted("MZ_BI", KycFixtures.REFERENCE, T1))
        .isInstanceOfSatisfying(
            KycRefusedException.class, e -> assertThat(e.code()).isEqualTo("kyc_rejected"));
    assertThatThrownBy(() -> rejected.selfieMatched(document(), KycFixtures.VENDOR, T1))
        .isInstanceOf(KycRefusedException.class);
    assertThatThrownBy(rejected::requireKycOpen).isInstanceOf(KycRefusedException.class);
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
