package com.customerservice.adapter.persistence.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * Encrypts values at rest with a Tink AEAD key set (AES-256-GCM). Every ciphertext is bound to
 * associated data naming its row and column, so a ciphertext copied to another row or column does
 * not decrypt. The primary key encrypts; every key of the set decrypts, so rotation is adding a new
 * primary and re-encrypting at leisure.
 */
public final class FieldCipher {
  /** Tink's prefix for ciphertexts of TINK-prefixed keys: one version byte, four key-id bytes. */
  private static final int PREFIX_LENGTH = 5;

  private static final byte TINK_START_BYTE = 0x01;

  private final Aead aead;
  private final int primaryKeyId;

  private FieldCipher(Aead aead, int primaryKeyId) {
    this.aead = aead;
    this.primaryKeyId = primaryKeyId;
  }

  public static FieldCipher of(KeysetHandle keyset) {
    Keysets.register();
    try {
      return new FieldCipher(
          keyset.getPrimitive(RegistryConfiguration.get(), Aead.class),
          keyset.getPrimary().getId());
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("the key set holds no usable AEAD key", e);
    }
  }

  public byte[] encrypt(byte[] plaintext, String associatedData) {
    try {
      return aead.encrypt(plaintext, associatedData.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("encryption failed", e);
    }
  }

  /**
   * Decrypts, or throws {@link UndecryptableException} when the ciphertext was not made with a key
   * of this set for exactly this associated data.
   */
  public byte[] decrypt(byte[] ciphertext, String associatedData) {
    try {
      return aead.decrypt(ciphertext, associatedData.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      // The message names where, never what: the data is secret.
      throw new UndecryptableException("stored value for " + associatedData + " does not decrypt");
    }
  }

  public byte[] encryptText(String plaintext, String associatedData) {
    return encrypt(plaintext.getBytes(StandardCharsets.UTF_8), associatedData);
  }

  public String decryptText(byte[] ciphertext, String associatedData) {
    return new String(decrypt(ciphertext, associatedData), StandardCharsets.UTF_8);
  }

  /**
   * Whether the ciphertext was made by the current primary key (so re-encrypting gains nothing).
   */
  public boolean isUnderPrimaryKey(byte[] ciphertext) {
    return ciphertext.length > PREFIX_LENGTH
        && ciphertext[0] == TINK_START_BYTE
        && ByteBuffer.wrap(ciphertext, 1, 4).getInt() == primaryKeyId;
  }

  /** A stored ciphertext that this key set cannot open for the row and column it claims. */
  public static final class UndecryptableException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    UndecryptableException(String message) {
      super(message);
    }
  }
}
