package com.customerservice.adapter.http.request;

import com.customerservice.adapter.http.error.ApiException;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code multipart/form-data} requests: images are checked by content (magic bytes and a full
 * decode) whatever type the client declared, and a part over the size limit is a 413, never a 500.
 */
public final class Multipart {
  /** Every multipart request at most (all parts together). */
  public static final long MAX_REQUEST_BYTES = 25L * 1024 * 1024;

  private Multipart() {}

  /** Refuses anything but {@code multipart/form-data} before a part is read. */
  public static void require(Context ctx) {
    if (!ctx.isMultipartFormData()) {
      throw ApiException.unsupportedMediaType(
          "The request body must be sent as multipart/form-data");
    }
  }

  /**
   * Reads whatever of the body is still unread, into nothing (at most the largest request): an
   * answer sent while the client is still sending would otherwise reach it as a reset connection.
   */
  static void drain(Context ctx) {
    try (InputStream in = ctx.req().getInputStream()) {
      long left = MAX_REQUEST_BYTES;
      byte[] buffer = new byte[64 * 1024];
      int read;
      while (left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
        left -= read;
      }
    } catch (IOException | RuntimeException alreadyReadOrClosed) {
      // The parts were read (or the client went away): nothing is left to drain.
    }
  }

  /** Every text part, by name. */
  public static Map<String, List<String>> textParts(Context ctx) {
    return guard(ctx::formParamMap);
  }

  /** Every file part, by name. */
  public static Map<String, List<UploadedFile>> fileParts(Context ctx) {
    return guard(ctx::uploadedFileMap);
  }

  public static Optional<String> text(Context ctx, String name) {
    return guard(() -> Optional.ofNullable(ctx.formParam(name)).filter(v -> !v.isBlank()));
  }

  /** The bytes of file part {@code name}, or empty when the part is absent. */
  static Optional<byte[]> bytes(Context ctx, String name, long maxBytes) {
    UploadedFile file = guard(() -> ctx.uploadedFile(name));
    if (file == null) {
      return Optional.empty();
    }
    if (file.size() > maxBytes) {
      throw ApiException.tooLarge(name + " must be at most " + maxBytes + " bytes", name);
    }
    try (InputStream in = file.content()) {
      return Optional.of(in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private interface Read<T> {
    T get();
  }

  /** Jetty reports an oversized or malformed multipart body as a wrapped exception; say which. */
  private static <T> T guard(Read<T> read) {
    try {
      return read.get();
    } catch (Exception e) { // Jetty's ServletException is checked, yet Kotlin code throws it
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        String message = String.valueOf(cause.getMessage());
        if (cause instanceof IllegalStateException && message.contains("exceeded")) {
          throw ApiException.tooLarge(
              "The upload is too large: at most 10 MiB per image and 25 MiB per request", null);
        }
      }
      throw ApiException.badRequest("body_invalid", "The multipart body could not be read", null);
    }
  }
}
