package com.customerservice.adapter.persistence;

import com.customerservice.adapter.persistence.crypto.SensitiveColumns;
import com.customerservice.domain.port.FieldEncryption;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Re-encrypts every stored ciphertext that an older key made under the current primary key, a batch
 * per transaction, so that an old key can be retired after a rotation. Safe to run while the
 * service serves: each row is rewritten only if it still holds the ciphertext that was read.
 */
public final class ReEncryption {
  private static final int BATCH = 200;

  /** One encrypted column, and how its associated data is made from the row. */
  private record Column(String table, String key, String column, AssociatedData associatedData) {}

  @FunctionalInterface
  private interface AssociatedData {
    String of(Map<String, Object> row);
  }

  private static final List<Column> COLUMNS =
      List.of(
          customerColumn("nationality_id"),
          customerColumn("tax_id"),
          customerColumn("nuib"),
          new Column(
              "kyc_document",
              "reference",
              "id_number",
              row ->
                  SensitiveColumns.associatedData(
                      "kyc_document", (String) row.get("reference"), "id_number")),
          new Column(
              "webhook_endpoint",
              "id",
              "secret",
              row ->
                  SensitiveColumns.associatedData(
                      "webhook_endpoint", (String) row.get("id"), "secret")),
          new Column(
              "stored_file",
              "id",
              "content",
              row ->
                  JdbiDocumentStore.associatedData(
                      (String) row.get("id"),
                      (String) row.get("bucket"),
                      (String) row.get("owner_id"))));

  private final Jdbi jdbi;
  private final FieldEncryption cipher;

  public ReEncryption(PostgresDatabase database) {
    this.jdbi = Jdbi.create(database.dataSource());
    this.cipher = database.cipher();
  }

  /** Re-encrypts everything not yet under the primary key; returns how many values it rewrote. */
  public long run() {
    long rewritten = 0;
    for (Column column : COLUMNS) {
      rewritten += run(column);
    }
    return rewritten;
  }

  private long run(Column c) {
    long rewritten = 0;
    String after = "";
    while (true) {
      String from = after;
      List<Map<String, Object>> rows =
          jdbi.withHandle(
              h ->
                  h.createQuery(
                          "SELECT * FROM "
                              + c.table()
                              + " WHERE "
                              + c.key()
                              + " > :after AND "
                              + c.column()
                              + " IS NOT NULL ORDER BY "
                              + c.key()
                              + " LIMIT :batch")
                      .bind("after", from)
                      .bind("batch", BATCH)
                      .mapToMap()
                      .list());
      if (rows.isEmpty()) {
        return rewritten;
      }
      rewritten += jdbi.inTransaction(h -> rewrite(h, c, rows));
      after = (String) rows.get(rows.size() - 1).get(c.key());
    }
  }

  private int rewrite(Handle h, Column c, List<Map<String, Object>> rows) {
    int count = 0;
    for (Map<String, Object> row : rows) {
      byte[] old = (byte[]) row.get(c.column());
      if (cipher.isCurrent(old)) {
        continue;
      }
      String associatedData = c.associatedData().of(row);
      byte[] fresh = cipher.encrypt(cipher.decrypt(old, associatedData), associatedData);
      count +=
          h.createUpdate(
                  "UPDATE "
                      + c.table()
                      + " SET "
                      + c.column()
                      + " = :fresh WHERE "
                      + c.key()
                      + " = :key AND "
                      + c.column()
                      + " = :old")
              .bind("fresh", fresh)
              .bind("old", old)
              .bind("key", (String) row.get(c.key()))
              .execute();
    }
    return count;
  }

  private static Column customerColumn(String column) {
    return new Column(
        "customer",
        "id",
        column,
        row -> SensitiveColumns.associatedData("customer", (String) row.get("id"), column));
  }
}
