package com.customerservice.adapter.crypto;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.security.GeneralSecurityException;

/**
 * Reading, writing, generating and rotating Tink key sets in Tink's JSON format. A clear-text key
 * set is a secret: it comes from configuration (an environment variable or a file the operator
 * protects) and is never logged.
 */
public final class Keysets {
  private static volatile boolean registered;

  private Keysets() {}

  static void register() {
    if (!registered) {
      try {
        AeadConfig.register();
        registered = true;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("Tink AEAD could not be registered", e);
      }
    }
  }

  /** A new key set with one AES-256-GCM key. */
  public static KeysetHandle generate() {
    register();
    try {
      return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("key generation failed", e);
    }
  }

  /**
   * The key set with a new AES-256-GCM key made primary; the old keys stay so that old ciphertexts
   * still decrypt.
   */
  public static KeysetHandle rotate(KeysetHandle keyset) {
    register();
    try {
      KeysetHandle.Builder builder = KeysetHandle.newBuilder(keyset);
      builder.addEntry(
          KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
              .withRandomId()
              .makePrimary());
      return builder.build();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("key rotation failed", e);
    }
  }

  /** Reads a key set from Tink's JSON format; the message never echoes the input. */
  public static KeysetHandle fromJson(String json) {
    register();
    try {
      return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new IllegalArgumentException("not a valid Tink JSON key set", e);
    }
  }

  public static String toJson(KeysetHandle keyset) {
    register();
    try {
      return TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("key set serialisation failed", e);
    }
  }
}
