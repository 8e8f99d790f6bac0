package com.customerservice.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.file.Bucket;
import com.customerservice.domain.file.FileId;
import com.customerservice.domain.file.ImageType;
import com.customerservice.domain.file.StoredFile;
import com.customerservice.domain.fixtures.TestImages;
import com.customerservice.domain.port.DocumentStore;
import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What every {@link DocumentStore} must do. */
public abstract class DocumentStoreContract {
  protected final SecureRandom random = new SecureRandom();

  protected abstract DocumentStore store();

  /** The customer files belong to; a store backed by a database may need that customer to exist. */
  protected abstract CustomerId owner();

  @Test
  void returnsTheBytesItWasGiven() {
    byte[] png = TestImages.png(16, 16);
    StoredFile file =
        new StoredFile(
            FileId.KIND.next(random),
            Bucket.PROFILES,
            owner(),
            ImageType.PNG,
            png,
            Instant.parse("2026-03-01T08:00:00Z"));
    store().save(file);
    StoredFile read = store().find(Bucket.PROFILES, file.id()).orElseThrow();
    assertThat(read.content()).isEqualTo(png);
    assertThat(read.type()).isEqualTo(ImageType.PNG);
    assertThat(read.owner()).isEqualTo(owner());
    assertThat(read.createdAt()).isEqualTo(file.createdAt());
  }

  @Test
  void aFileIsFoundOnlyInItsOwnBucket() {
    StoredFile file =
        new StoredFile(
            FileId.KIND.next(random),
            Bucket.DOCUMENTS,
            owner(),
            ImageType.JPEG,
            TestImages.jpeg(8, 8),
            Instant.parse("2026-03-01T08:00:00Z"));
    store().save(file);
    assertThat(store().find(Bucket.PROFILES, file.id())).isEmpty();
    assertThat(store().find(Bucket.DOCUMENTS, file.id())).isPresent();
  }

  @Test
  void aDeletedFileIsGoneAndDeletingAgainIsNoError() {
    StoredFile file =
        new StoredFile(
            FileId.KIND.next(random),
            Bucket.PROFILES,
            owner(),
            ImageType.PNG,
            TestImages.png(8, 8),
            Instant.parse("2026-03-01T08:00:00Z"));
    store().save(file);
    store().delete(Bucket.DOCUMENTS, file.id());
    assertThat(store().find(Bucket.PROFILES, file.id())).as("another bucket's delete").isPresent();
    store().delete(Bucket.PROFILES, file.id());
    assertThat(store().find(Bucket.PROFILES, file.id())).isEmpty();
    store().delete(Bucket.PROFILES, file.id());
  }

  @Test
  void findsNothingForAnUnknownFile() {
    assertThat(store().find(Bucket.PROFILES, FileId.KIND.next(random))).isEmpty();
  }
}
