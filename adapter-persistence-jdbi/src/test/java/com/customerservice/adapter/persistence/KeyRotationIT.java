package com.customerservice.adapter.persistence;

import static com.customerservice.domain.fixtures.CustomerBuilder.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;

import com.customerservice.adapter.crypto.Keysets;
import com.customerservice.adapter.crypto.TinkFieldEncryption;
import com.customerservice.domain.customer.Customer;
import com.customerservice.domain.customer.CustomerChanges;
import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.customer.SensitiveId;
import com.customerservice.domain.file.Bucket;
import com.customerservice.domain.file.FileId;
import com.customerservice.domain.file.ImageType;
import com.customerservice.domain.file.StoredFile;
import com.customerservice.domain.fixtures.TestImages;
import com.customerservice.domain.kyc.KycDocument;
import com.customerservice.domain.kyc.KycReference;
import com.customerservice.domain.webhook.EnabledEvents;
import com.customerservice.domain.webhook.EndpointUrl;
import com.customerservice.domain.webhook.WebhookEndpoint;
import com.customerservice.domain.webhook.WebhookEndpointId;
import com.customerservice.domain.webhook.WebhookSecret;
import com.customerservice.testkit.contract.KycGround;
import com.customerservice.testkit.fakes.ScriptedKycVerifier;
import com.google.crypto.tink.KeysetHandle;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** A new primary key encrypts, older rows still decrypt, and re-encryption moves them over. */
class KeyRotationIT {
  private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
  private final SecureRandom random = new SecureRandom();

  @Test
  void rotatedKeySetsReadOldRowsWriteNewOnesAndReEncryptEverything() {
    KeysetHandle original = Keysets.generate();
    String url = TestDatabase.freshSchemaUrl();
    CustomerId alice;
    FileId picture;
    WebhookEndpoint endpoint;
    KycReference document;
    try (var db =
        new PostgresDatabase(
            PostgresDatabase.Settings.of(url, null, null), TinkFieldEncryption.of(original))) {
      alice = storeCustomerWithTaxId(db, "+258842000001", "700000001");
      picture = storePicture(db, alice);
      endpoint = storeEndpoint(db);
      document = storeDocumentReadLater(db, alice);
    }

    KeysetHandle rotated = Keysets.rotate(Keysets.fromJson(Keysets.toJson(original)));
    assertThat(rotated.size()).isEqualTo(2);
    assertThat(rotated.getPrimary().getId()).isNotEqualTo(original.getPrimary().getId());
    TinkFieldEncryption rotatedCipher = TinkFieldEncryption.of(rotated);
    try (var db =
        new PostgresDatabase(PostgresDatabase.Settings.of(url, null, null), rotatedCipher)) {
      // Old rows still read.
      assertThat(db.customers().findActive(alice).orElseThrow().governmentIds().taxId().reveal())
          .isEqualTo("700000001");
      assertThat(db.documents().find(Bucket.PROFILES, picture)).isPresent();

      // New rows are written under the new primary key.
      CustomerId bob = storeCustomerWithTaxId(db, "+258842000002", "700000002");
      assertThat(rotatedCipher.isCurrent(taxIdCiphertext(db, bob))).isTrue();
      assertThat(rotatedCipher.isCurrent(taxIdCiphertext(db, alice))).isFalse();

      // Re-encryption moves the old ones over (alice's tax id, her picture, the webhook secret,
      // her document's page and the id number its reading brought after the upload), and is
      // idempotent.
      assertThat(new ReEncryption(db).run()).isEqualTo(5);
      assertThat(new ReEncryption(db).run()).isZero();
      assertThat(rotatedCipher.isCurrent(taxIdCiphertext(db, alice))).isTrue();
      assertThat(db.customers().findActive(alice).orElseThrow().governmentIds().taxId().reveal())
          .isEqualTo("700000001");
      assertThat(db.documents().find(Bucket.PROFILES, picture).orElseThrow().content())
          .isEqualTo(TestImages.png(8, 8));
      assertThat(db.webhookEndpoints().find(endpoint.id()).orElseThrow().secret())
          .isEqualTo(endpoint.secret());
      assertThat(
              db.kycRecords()
                  .findDocument(document)
                  .flatMap(KycDocument::extraction)
                  .orElseThrow()
                  .idNumber()
                  .reveal())
          .isEqualTo("110100123456A");
    }
  }

  private WebhookEndpoint storeEndpoint(PostgresDatabase db) {
    WebhookEndpoint endpoint =
        WebhookEndpoint.create(
            WebhookEndpointId.KIND.next(random),
            new EndpointUrl(URI.create("https://receiver.example.com/hooks")),
            EnabledEvents.parse(List.of("*")),
            null,
            WebhookSecret.generate(random),
            T0);
    db.webhookEndpoints().insert(endpoint);
    return endpoint;
  }

  private KycReference storeDocumentReadLater(PostgresDatabase db, CustomerId owner) {
    KycReference document = new KycGround(() -> db).document(owner, Optional.empty()).reference();
    db.kycRecords().recordReading(document, ScriptedKycVerifier.VALID_DOCUMENT);
    return document;
  }

  private CustomerId storeCustomerWithTaxId(PostgresDatabase db, String phone, String taxId) {
    Customer customer = aCustomer().phone(phone).createdAt(T0).build();
    db.customers().insert(customer);
    Customer stored = db.customers().findActive(customer.id()).orElseThrow();
    db.customers()
        .update(
            stored.update(
                CustomerChanges.builder().taxId(SensitiveId.of("tax_id", taxId)).build(), T0));
    return customer.id();
  }

  private FileId storePicture(PostgresDatabase db, CustomerId owner) {
    return storeFile(db, owner, Bucket.PROFILES);
  }

  private FileId storeFile(PostgresDatabase db, CustomerId owner, Bucket bucket) {
    StoredFile file =
        new StoredFile(
            FileId.KIND.next(random), bucket, owner, ImageType.PNG, TestImages.png(8, 8), T0);
    db.documents().save(file);
    return file.id();
  }

  private static byte[] taxIdCiphertext(PostgresDatabase db, CustomerId id) {
    List<byte[]> values =
        Jdbi.create(db.dataSource())
            .withHandle(
                h ->
                    h.createQuery("SELECT tax_id FROM customer WHERE id = :id")
                        .bind("id", id.value())
                        .mapTo(byte[].class)
                        .list());
    return values.get(0);
  }
}
