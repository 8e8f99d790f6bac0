package com.customerservice.adapter.crypto;

import com.customerservice.domain.port.FieldEncryption;
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
public final class TinkFieldEncryption implements FieldEncryption {
  /** Tink's prefix for ciphertexts of TINK-prefixed keys: one version byte, four key-id bytes. */
  private static final int PREFIX_LENGTH = 5;

  private static final byte TINK_START_BYTE = 0x01;

  private final Aead aead;
  private final int primaryKeyId;

  private TinkFieldEncryption(Aead aead, int primaryKeyId) {
    this.aead = aead;
    this.primaryKeyId = primaryKeyId;
  }

  public static TinkFieldEncryption of(KeysetHandle keyset) {
    Keysets.register();
    try {
      return new TinkFieldEncryption(
          keyset.getPrimitive(RegistryConfiguration.get(), Aead.class),
          keyset.getPrimary().getId());
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("the key set holds no usable AEAD key", e);
    }
  }

  @Override
  public byte[] encrypt(byte[] plaintext, String associatedData) {
    try {
      return aead.encrypt(plaintext, associatedData.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("encryption failed", e);
    }
  }

  @Override
  public byte[] decrypt(byte[] ciphertext, String associatedData) {
    try {
      return aead.decrypt(ciphertext, associatedData.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      // The message names where, never what: the data is secret.
      throw new UndecryptableException("stored value for " + associatedData + " does not decrypt");
    }
  }

  /** Whether the ciphertext was made by the current primary key. */
  @Override
  public boolean isCurrent(byte[] ciphertext) {
    return ciphertext.length > PREFIX_LENGTH
        && ciphertext[0] == TINK_START_BYTE
        && ByteBuffer.wrap(ciphertext, 1, 4).getInt() == primaryKeyId;
  }
}
