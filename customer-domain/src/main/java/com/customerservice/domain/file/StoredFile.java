package com.customerservice.domain.file;

import com.customerservice.domain.customer.CustomerId;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/** An image kept for a customer: a profile picture, a document page or a selfie. */
public final class StoredFile {
  private final FileId id;
  private final Bucket bucket;
  private final CustomerId owner;
  private final ImageType type;
  private final byte[] content;
  private final Instant createdAt;

  public StoredFile(
      FileId id,
      Bucket bucket,
      CustomerId owner,
      ImageType type,
      byte[] content,
      Instant createdAt) {
    this.id = Objects.requireNonNull(id, "id");
    this.bucket = Objects.requireNonNull(bucket, "bucket");
    this.owner = Objects.requireNonNull(owner, "owner");
    this.type = Objects.requireNonNull(type, "type");
    this.content = Arrays.copyOf(Objects.requireNonNull(content, "content"), content.length);
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
  }

  /** A new file holding {@code image}. */
  public static StoredFile of(
      FileId id, Bucket bucket, CustomerId owner, Image image, Instant createdAt) {
    return new StoredFile(id, bucket, owner, image.type(), image.content(), createdAt);
  }

  public FileId id() {
    return id;
  }

  public Bucket bucket() {
    return bucket;
  }

  public CustomerId owner() {
    return owner;
  }

  public ImageType type() {
    return type;
  }

  /** A copy of the bytes. */
  public byte[] content() {
    return Arrays.copyOf(content, content.length);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public FileRef ref() {
    return new FileRef(id, bucket);
  }

  @Override
  public String toString() {
    return "StoredFile["
        + bucket.code()
        + "/"
        + id
        + ", "
        + type
        + ", "
        + content.length
        + " bytes]";
  }
}
