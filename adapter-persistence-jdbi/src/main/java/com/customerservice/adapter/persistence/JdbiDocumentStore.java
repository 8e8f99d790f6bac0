package com.customerservice.adapter.persistence;

import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.file.Bucket;
import com.customerservice.domain.file.FileId;
import com.customerservice.domain.file.ImageType;
import com.customerservice.domain.file.StoredFile;
import com.customerservice.domain.port.DocumentStore;
import com.customerservice.domain.port.FieldEncryption;
import java.util.Optional;

/**
 * Images in PostgreSQL, each encrypted with the field key set and bound to its id, bucket and
 * owner: someone with only the database sees neither faces nor documents.
 */
public final class JdbiDocumentStore implements DocumentStore {
  private final JdbiUnitOfWork db;
  private final FieldEncryption cipher;

  public JdbiDocumentStore(JdbiUnitOfWork db, FieldEncryption cipher) {
    this.db = db;
    this.cipher = cipher;
  }

  static String associatedData(FileId id, Bucket bucket, CustomerId owner) {
    return associatedData(id.value(), bucket.code(), owner.value());
  }

  static String associatedData(String fileId, String bucket, String ownerId) {
    return "stored_file|" + fileId + "|" + bucket + "|" + ownerId;
  }

  @Override
  public void save(StoredFile file) {
    byte[] sealed =
        cipher.encrypt(file.content(), associatedData(file.id(), file.bucket(), file.owner()));
    db.withHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO stored_file (id, bucket, owner_id, media_type, content, created_at)"
                        + " VALUES (:id, :bucket, :owner, :media_type, :content, :created_at)")
                .bind("id", file.id().value())
                .bind("bucket", file.bucket().code())
                .bind("owner", file.owner().value())
                .bind("media_type", file.type().mediaType())
                .bind("content", sealed)
                .bind("created_at", SqlTypes.utc(file.createdAt()))
                .execute());
  }

  @Override
  public Optional<StoredFile> find(Bucket bucket, FileId id) {
    return db.withHandle(
        h ->
            h.createQuery(
                    "SELECT owner_id, media_type, content, created_at FROM stored_file"
                        + " WHERE id = :id AND bucket = :bucket")
                .bind("id", id.value())
                .bind("bucket", bucket.code())
                .map(
                    (rs, ctx) -> {
                      CustomerId owner = new CustomerId(rs.getString("owner_id"));
                      byte[] content =
                          cipher.decrypt(rs.getBytes("content"), associatedData(id, bucket, owner));
                      return new StoredFile(
                          id,
                          bucket,
                          owner,
                          ImageType.fromMediaType(rs.getString("media_type")).orElseThrow(),
                          content,
                          SqlTypes.instant(rs, "created_at"));
                    })
                .findOne());
  }

  @Override
  public void delete(Bucket bucket, FileId id) {
    db.withHandle(
        h ->
            h.createUpdate("DELETE FROM stored_file WHERE id = :id AND bucket = :bucket")
                .bind("id", id.value())
                .bind("bucket", bucket.code())
                .execute());
  }
}
