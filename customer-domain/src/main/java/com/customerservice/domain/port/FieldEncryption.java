package com.customerservice.domain.port;

import java.nio.charset.StandardCharsets;

/**
 * Encrypts values kept at rest (government ids, images). Every ciphertext is bound to associated
 * data naming where it is kept (its row and field), so a ciphertext copied elsewhere does not
 * decrypt. Keys rotate: old ciphertexts keep decrypting, and {@link #isCurrent} tells which ones a
 * re-encryption would move to the current key.
 */
public interface FieldEncryption {

  byte[] encrypt(byte[] plaintext, String associatedData);

  /**
   * Decrypts, or throws {@link UndecryptableException} when the ciphertext was not made for exactly
   * this associated data with a key this encryption knows.
   */
  byte[] decrypt(byte[] ciphertext, String associatedData);

  /** Whether {@code ciphertext} is under the current key (so re-encrypting gains nothing). */
  boolean isCurrent(byte[] ciphertext);

  default byte[] encryptText(String plaintext, String associatedData) {
    return encrypt(plaintext.getBytes(StandardCharsets.UTF_8), associatedData);
  }

  default String decryptText(byte[] ciphertext, String associatedData) {
    return new String(decrypt(ciphertext, associatedData), StandardCharsets.UTF_8);
  }

  /** A stored ciphertext that cannot be opened for the place it claims; the message says where. */
  final class UndecryptableException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public UndecryptableException(String message) {
      super(message);
    }
  }
}
