package com.customerservice.bootstrap;

import com.customerservice.adapter.crypto.Keysets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Secrets a sandbox generates for itself on first start and keeps under {@code DATA_DIR} (owner
 * read/write only), so that its data survives restarts. For local use only: production refuses to
 * start without supplied secrets.
 */
final class LocalSecrets {
  private static final Logger LOG = LoggerFactory.getLogger(LocalSecrets.class);

  private LocalSecrets() {}

  static String keyset(Path dataDir) {
    return readOrCreate(
        dataDir.resolve("keyset.json"), () -> Keysets.toJson(Keysets.generate()), "Tink key set");
  }

  static byte[] hmacSecret(Path dataDir) {
    String encoded =
        readOrCreate(
            dataDir.resolve("hmac.secret"),
            () -> {
              byte[] secret = new byte[32];
              new SecureRandom().nextBytes(secret);
              return Base64.getEncoder().encodeToString(secret);
            },
            "HMAC secret");
    return Base64.getDecoder().decode(encoded.strip());
  }

  private interface Generator {
    String generate();
  }

  private static String readOrCreate(Path file, Generator generator, String what) {
    try {
      if (Files.exists(file)) {
        return Files.readString(file, StandardCharsets.UTF_8);
      }
      Files.createDirectories(file.getParent());
      String value = generator.generate();
      Files.writeString(file, value, StandardCharsets.UTF_8);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException ignored) {
        // not a POSIX file system; the directory's own protection applies
      }
      LOG.warn(
          "generated a {} at {}: for local use only; production requires a supplied one",
          what,
          file.toAbsolutePath());
      return value;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the " + what + " under " + file.getParent(), e);
    }
  }
}
