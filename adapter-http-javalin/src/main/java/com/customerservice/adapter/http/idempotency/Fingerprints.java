package com.customerservice.adapter.http.idempotency;

import com.customerservice.adapter.http.request.Multipart;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.TreeMap;

/**
 * What a request asks, as SHA-256: its method, path and query, and its body; for multipart, each
 * part's name and bytes (streamed, so a large upload is never held whole), not the boundary a
 * client picks anew on every try.
 */
final class Fingerprints {
  private Fingerprints() {}

  static String of(Context ctx) {
    MessageDigest digest = sha256();
    field(digest, ctx.method().name().getBytes(StandardCharsets.UTF_8));
    String query = ctx.queryString();
    field(
        digest, (ctx.path() + (query == null ? "" : "?" + query)).getBytes(StandardCharsets.UTF_8));
    String type = ctx.contentType();
    if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      parts(ctx, digest);
    } else {
      field(digest, ctx.bodyAsBytes());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Text parts, then file parts, each by name in order, so the boundary and order never count. */
  private static void parts(Context ctx, MessageDigest digest) {
    new TreeMap<>(Multipart.textParts(ctx))
        .forEach(
            (name, values) -> {
              field(digest, name.getBytes(StandardCharsets.UTF_8));
              values.forEach(v -> field(digest, v.getBytes(StandardCharsets.UTF_8)));
            });
    new TreeMap<>(Multipart.fileParts(ctx))
        .forEach(
            (name, files) -> {
              field(digest, name.getBytes(StandardCharsets.UTF_8));
              for (UploadedFile file : files) {
                digest.update(longBytes(file.size()));
                try (InputStream in = file.content()) {
                  byte[] buffer = new byte[64 * 1024];
                  for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    digest.update(buffer, 0, n);
                  }
                } catch (IOException e) {
                  throw new UncheckedIOException("the upload could not be read", e);
                }
              }
            });
  }

  /** Length-prefixed, so that no two different requests hash the same bytes. */
  private static void field(MessageDigest digest, byte[] value) {
    digest.update(longBytes(value.length));
    digest.update(value);
  }

  private static byte[] longBytes(long value) {
    byte[] bytes = new byte[8];
    for (int i = 7; i >= 0; i--) {
      bytes[i] = (byte) value;
      value >>>= 8;
    }
    return bytes;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
