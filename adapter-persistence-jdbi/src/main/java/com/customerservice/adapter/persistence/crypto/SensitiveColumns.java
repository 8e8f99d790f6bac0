package com.customerservice.adapter.persistence.crypto;

import com.customerservice.domain.customer.SensitiveId;
import com.customerservice.domain.port.FieldEncryption;
import java.util.Arrays;

/**
 * Seals sensitive identifiers into columns and opens them lazily: a value read from a row is
 * decrypted only when a use case reveals it, and written back unchanged to the same row and column
 * without being decrypted at all.
 */
public final class SensitiveColumns {
  private final FieldEncryption cipher;

  public SensitiveColumns(FieldEncryption cipher) {
    this.cipher = cipher;
  }

  /** The associated data that binds a ciphertext to one row and column. */
  public static String associatedData(String table, String rowId, String column) {
    return table + "|" + rowId + "|" + column;
  }

  /** The ciphertext to store for {@code value} in the given row and column (null stays null). */
  public byte[] seal(SensitiveId value, String table, String rowId, String column) {
    if (value == null) {
      return null;
    }
    if (value.storageRef().orElse(null) instanceof Sealed sealed
        && sealed.isFor(table, rowId, column)) {
      return sealed.ciphertext();
    }
    return cipher.encryptText(value.reveal(), associatedData(table, rowId, column));
  }

  /** A deferred identifier for a stored ciphertext (null stays null). */
  public SensitiveId open(byte[] ciphertext, String table, String rowId, String column) {
    if (ciphertext == null) {
      return null;
    }
    Sealed sealed = new Sealed(table, rowId, column, ciphertext);
    return SensitiveId.stored(
        sealed, () -> cipher.decryptText(ciphertext, associatedData(table, rowId, column)));
  }

  /** Where a ciphertext was read from; the storage reference of an opened identifier. */
  record Sealed(String table, String rowId, String column, byte[] ciphertext) {
    boolean isFor(String otherTable, String otherRow, String otherColumn) {
      return table.equals(otherTable) && rowId.equals(otherRow) && column.equals(otherColumn);
    }

    @Override
    public byte[] ciphertext() {
      return Arrays.copyOf(ciphertext, ciphertext.length);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Sealed that
          && isFor(that.table, that.rowId, that.column)
          && Arrays.equals(ciphertext, that.ciphertext);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(ciphertext);
    }

    @Override
    public String toString() {
      return "Sealed[" + table + "|" + rowId + "|" + column + "]";
    }
  }
}
