package com.customerservice.adapter.persistence;

import static com.customerservice.domain.fixtures.CustomerBuilder.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.customerservice.adapter.crypto.Keysets;
import com.customerservice.adapter.crypto.TinkFieldEncryption;
import com.customerservice.adapter.persistence.crypto.SensitiveColumns;
import com.customerservice.domain.customer.Customer;
import com.customerservice.domain.customer.CustomerChanges;
import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.customer.SensitiveId;
import com.customerservice.domain.file.Bucket;
import com.customerservice.domain.file.FileId;
import com.customerservice.domain.file.ImageType;
import com.customerservice.domain.file.StoredFile;
import com.customerservice.domain.fixtures.TestImages;
import com.customerservice.domain.kyc.DocumentExtraction;
import com.customerservice.domain.kyc.KycDocument;
import com.customerservice.domain.kyc.KycReference;
import com.customerservice.domain.port.FieldEncryption;
import com.customerservice.domain.webhook.EnabledEvents;
import com.customerservice.domain.webhook.EndpointUrl;
import com.customerservice.domain.webhook.WebhookEndpoint;
import com.customerservice.domain.webhook.WebhookEndpointId;
import com.customerservice.domain.webhook.WebhookSecret;
import com.customerservice.testkit.contract.KycGround;
import com.customerservice.testkit.fakes.ScriptedKycVerifier;
import com.google.crypto.tink.KeysetHandle;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What someone with only the database can read: nothing sensitive, and nothing they can move. */
class EncryptionAtRestIT {
  private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
  private final SecureRandom random = new SecureRandom();
  private final KeysetHandle keyset = Keysets.generate();
  private final PostgresDatabase database = TestDatabase.fresh(TinkFieldEncryption.of(keyset));
  private final Jdbi raw = Jdbi.create(database.dataSource());
  private final KycGround kyc = new KycGround(() -> database);

  @AfterEach
  void close() {
    database.close();
  }

  private Customer customerWithIds(String phone, String taxId, String nuib) {
    Customer customer = aCustomer().phone(phone).createdAt(T0).build();
    database.customers().insert(customer);
    Customer stored = database.customers().findActive(customer.id()).orElseThrow();
    return database
        .customers()
        .update(
            stored.update(
                CustomerChanges.builder()
                    .taxId(SensitiveId.of("tax_id", taxId))
                    .nuib(SensitiveId.of("nuib", nuib))
                    .build(),
                T0));
  }

  private byte[] rawColumn(String column, CustomerId id) {
    return raw.withHandle(
        h ->
            h.createQuery("SELECT " + column + " FROM customer WHERE id = :id")
                .bind("id", id.value())
                .mapTo(byte[].class)
                .one());
  }

  @Test
  void governmentIdsAreNotInClearInTheTable() {
    Customer customer = customerWithIds("+258841000001", "400123456", "NUIB77881");
    byte[] taxId = rawColumn("tax_id", customer.id());
    byte[] nuib = rawColumn("nuib", customer.id());
    assertThat(new String(taxId, StandardCharsets.ISO_8859_1)).doesNotContain("400123456");
    assertThat(new String(nuib, StandardCharsets.ISO_8859_1)).doesNotContain("NUIB77881");
    assertThat(taxId.length).isGreaterThan("400123456".length() + 16); // nonce and tag
    assertThat(
            database
                .customers()
                .findActive(customer.id())
                .orElseThrow()
                .governmentIds()
                .taxId()
                .reveal())
        .isEqualTo("400123456");
  }

  @Test
  void aWebhookSecretIsNotInClearInTheTable() {
    WebhookSecret secret = WebhookSecret.generate(random);
    WebhookEndpoint endpoint =
        WebhookEndpoint.create(
            WebhookEndpointId.KIND.next(random),
            new EndpointUrl(URI.create("https://receiver.example.com/hooks")),
            EnabledEvents.parse(List.of("*")),
            null,
            secret,
            T0);
    database.webhookEndpoints().insert(endpoint);
    byte[] stored =
        raw.withHandle(
            h ->
                h.createQuery("SELECT secret FROM webhook_endpoint WHERE id = :id")
                    .bind("id", endpoint.id().value())
                    .mapTo(byte[].class)
                    .one());
    String body = secret.reveal().substring(WebhookSecret.PREFIX.length());
    assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(body);
    assertThat(Collections.indexOfSubList(bytes(stored), bytes(secret.key()))).isEqualTo(-1);
    assertThat(database.webhookEndpoints().find(endpoint.id()).orElseThrow().secret())
        .isEqualTo(secret);
  }

  private static List<Byte> bytes(byte[] array) {
    List<Byte> list = new ArrayList<>(array.length);
    for (byte b : array) {
      list.add(b);
    }
    return list;
  }

  @Test
  void aCiphertextCopiedToAnotherCustomerDoesNotDecrypt() {
    Customer alice = customerWithIds("+258841000002", "111111111", "NUIB1");
    Customer bob = customerWithIds("+258841000003", "222222222", "NUIB2");
    raw.useHandle(
        h ->
            h.createUpdate("UPDATE customer SET tax_id = :stolen WHERE id = :bob")
                .bind("stolen", rawColumn("tax_id", alice.id()))
                .bind("bob", bob.id().value())
                .execute());
    SensitiveId bobsTaxId =
        database.customers().findActive(bob.id()).orElseThrow().governmentIds().taxId();
    assertThatThrownBy(bobsTaxId::reveal)
        .isInstanceOf(FieldEncryption.UndecryptableException.class)
        .hasMessageNotContaining("111111111");
  }

  @Test
  void aCiphertextCopiedToAnotherColumnDoesNotDecrypt() {
    Customer alice = customerWithIds("+258841000004", "333333333", "NUIB3");
    raw.useHandle(
        h ->
            h.createUpdate("UPDATE customer SET nuib = tax_id WHERE id = :id")
                .bind("id", alice.id().value())
                .execute());
    SensitiveId nuib =
        database.customers().findActive(alice.id()).orElseThrow().governmentIds().nuib();
    assertThatThrownBy(nuib::reveal).isInstanceOf(FieldEncryption.UndecryptableException.class);
  }

  @Test
  void readingACustomerDecryptsNothingUntilAnIdIsRevealed() {
    Customer alice = customerWithIds("+258841000005", "444444444", "NUIB4");
    Customer read = database.customers().findActive(alice.id()).orElseThrow();
    assertThat(read.governmentIds().taxId().isRevealed()).isFalse();
    assertThat(read.governmentIds().nuib().isRevealed()).isFalse();
    // Writing an unrevealed value back to its own column reuses the ciphertext as it is.
    byte[] before = rawColumn("tax_id", alice.id());
    database
        .customers()
        .update(read.update(CustomerChanges.builder().firstName("Alice").build(), T0));
    assertThat(rawColumn("tax_id", alice.id())).isEqualTo(before);
    assertThat(read.governmentIds().taxId().isRevealed()).isFalse();
  }

  @Test
  void imagesAreNotInClearAndAreBoundToTheirRow() {
    Customer alice = customerWithIds("+258841000006", "555555555", "NUIB5");
    byte[] png = TestImages.png(32, 32);
    StoredFile file =
        new StoredFile(
            FileId.KIND.next(random), Bucket.SELFIES, alice.id(), ImageType.PNG, png, T0);
    database.documents().save(file);
    byte[] stored =
        raw.withHandle(
            h ->
                h.createQuery("SELECT content FROM stored_file WHERE id = :id")
                    .bind("id", file.id().value())
                    .mapTo(byte[].class)
                    .one());
    assertThat(ImageType.sniff(stored)).isEmpty();
    assertThat(stored).isNotEqualTo(png);
    assertThat(database.documents().find(Bucket.SELFIES, file.id()).orElseThrow().content())
        .isEqualTo(png);

    // Moved to another bucket, the same bytes no longer decrypt.
    raw.useHandle(
        h ->
            h.createUpdate("UPDATE stored_file SET bucket = 'profiles' WHERE id = :id")
                .bind("id", file.id().value())
                .execute());
    assertThatThrownBy(() -> database.documents().find(Bucket.PROFILES, file.id()))
        .isInstanceOf(FieldEncryption.UndecryptableException.class);
  }

  @Test
  void aDatabaseOpenedWithAnotherKeySetCannotReadTheIds() {
    Customer alice = customerWithIds("+258841000007", "666666666", "NUIB6");
    TinkFieldEncryption stranger = TinkFieldEncryption.of(Keysets.generate());
    byte[] taxId = rawColumn("tax_id", alice.id());
    assertThatThrownBy(
            () -> stranger.decryptText(taxId, "customer|" + alice.id().value() + "|tax_id"))
        .isInstanceOf(FieldEncryption.UndecryptableException.class);
  }

  private byte[] rawIdNumber(KycReference reference) {
    return raw.withHandle(
        h ->
            h.createQuery("SELECT id_number FROM kyc_document WHERE reference = :reference")
                .bind("reference", reference.value())
                .mapTo(byte[].class)
                .one());
  }

  private static String idNumberOf(KycReference reference) {
    return SensitiveColumns.associatedData("kyc_document", reference.value(), "id_number");
  }

  @Test
  void aReadingRecordedAfterTheUploadIsSealedToItsRowLikeOneReadAtUpload() {
    Customer alice = customerWithIds("+258841000008", "777777777", "NUIB7");
    KycDocument readAtUpload =
        kyc.document(alice.id(), Optional.of(ScriptedKycVerifier.VALID_DOCUMENT));
    KycDocument readLater = kyc.document(alice.id(), Optional.empty());
    // The reading comes as read back from the other document: sealed to that row, not this one.
    DocumentExtraction reading =
        database
            .kycRecords()
            .findDocument(readAtUpload.reference())
            .flatMap(KycDocument::extraction)
            .orElseThrow();

    database.kycRecords().recordReading(readLater.reference(), reading);

    byte[] stored = rawIdNumber(readLater.reference());
    assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("110100123456A");
    assertThat(stored).isNotEqualTo(rawIdNumber(readAtUpload.reference()));
    assertThat(database.cipher().decryptText(stored, idNumberOf(readLater.reference())))
        .isEqualTo("110100123456A");
    assertThatThrownBy(
            () -> database.cipher().decryptText(stored, idNumberOf(readAtUpload.reference())))
        .isInstanceOf(FieldEncryption.UndecryptableException.class);
    assertThat(
            database
                .kycRecords()
                .findDocument(readLater.reference())
                .flatMap(KycDocument::extraction)
                .orElseThrow()
                .idNumber()
                .reveal())
        .isEqualTo("110100123456A");
  }
}
