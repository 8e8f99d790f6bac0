package com.customerservice.adapter.http.request;

import com.customerservice.domain.error.DependencyUnavailableException;
import com.customerservice.domain.file.Image;
import com.customerservice.domain.file.ImageLimits;
import com.customerservice.domain.file.ImageRules;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What uploads may cost the service, so that a few large or hostile ones cannot take it down:
 *
 * <ul>
 *   <li>memory: an upload is admitted only while the bytes of the uploads in flight (weighed at
 *       {@value #WEIGHT} times their size: the parts, their checked copies, what is stored and what
 *       is answered) fit a budget, before any part is read into memory;
 *   <li>CPU: at most a few images are decoded at once;
 *   <li>pixels: each purpose has its cap, checked from the header before decoding.
 * </ul>
 *
 * An upload that cannot get its share within {@link Limits#patience()} is answered 503 with {@code
 * Retry-After} rather than queued without end.
 */
public final class Uploads {
  static final int WEIGHT = 3;

  /**
   * The caps: pixels of identity documents and selfies, pixels of profile pictures, the memory
   * budget of uploads in flight, how many images decode at once, and how long an upload may wait.
   */
  public record Limits(
      long kycMaxPixels,
      long profileMaxPixels,
      long memoryBudgetBytes,
      int concurrentDecodes,
      Duration patience) {
    public Limits {
      if (kycMaxPixels < 1 || profileMaxPixels < 1 || concurrentDecodes < 1) {
        throw new IllegalArgumentException("upload limits must be positive");
      }
      if (memoryBudgetBytes < minimumMemoryBudgetBytes()) {
        throw new IllegalArgumentException(
            "the upload memory budget must admit one upload of the largest size");
      }
    }

    /** The smallest budget that admits one upload of the largest size. */
    public static long minimumMemoryBudgetBytes() {
      return (long) WEIGHT * Multipart.MAX_REQUEST_BYTES;
    }

    /**
     * The default pixel caps, half the heap for uploads in flight (at least one upload of the
     * largest size), a decode per processor, and two seconds of patience.
     */
    public static Limits defaults() {
      return new Limits(
          ImageLimits.DEFAULT_MAX_PIXELS,
          ImageLimits.DEFAULT_MAX_PIXELS,
          Math.max(Runtime.getRuntime().maxMemory() / 2, minimumMemoryBudgetBytes()),
          Math.max(2, Runtime.getRuntime().availableProcessors()),
          Duration.ofSeconds(2));
    }
  }

  /** How a part becomes an image: {@link Image#decode}, or a stand-in in tests. */
  interface Decoder {
    Image decode(String field, byte[] content, ImageRules rules);
  }

  private final Limits limits;
  private final Decoder decoder;
  private final Semaphore memoryKib;
  private final Semaphore decodes;

  public Uploads(Limits limits) {
    this(limits, Image::decode);
  }

  Uploads(Limits limits, Decoder decoder) {
    this.limits = limits;
    this.decoder = decoder;
    this.memoryKib = new Semaphore(kib(limits.memoryBudgetBytes()), true);
    this.decodes = new Semaphore(limits.concurrentDecodes(), true);
  }

  public ImageRules kycImage() {
    return ImageRules.kycImage(limits.kycMaxPixels());
  }

  public ImageRules profilePicture() {
    return ImageRules.profilePicture(limits.profileMaxPixels());
  }

  /**
   * Runs an upload route's work once the request's memory is admitted; nothing of the body is read
   * before. A body of unknown length weighs as much as the largest allowed.
   */
  public <T> T admitted(Context ctx, Supplier<T> work) {
    long length = ctx.contentLength();
    long bytes =
        length < 0 ? Multipart.MAX_REQUEST_BYTES : Math.min(length, Multipart.MAX_REQUEST_BYTES);
    int permits = Math.max(1, kib(WEIGHT * bytes));
    try {
      acquire(memoryKib, permits);
    } catch (RuntimeException busy) {
      Multipart.drain(ctx);
      throw busy;
    }
    try {
      return work.get();
    } catch (RuntimeException refused) {
      // Refused before the body was read (an unknown customer, say): read it to its end, so the
      // client, still sending, gets the answer rather than a reset connection.
      Multipart.drain(ctx);
      throw refused;
    } finally {
      memoryKib.release(permits);
    }
  }

  /** The image in part {@code name}, decoded while one of the few decoding slots is held. */
  public Optional<Image> image(Context ctx, String name, ImageRules rules) {
    return Multipart.bytes(ctx, name, rules.maxBytes()).map(bytes -> decode(name, bytes, rules));
  }

  Image decode(String name, byte[] bytes, ImageRules rules) {
    acquire(decodes, 1);
    try {
      return decoder.decode(name, bytes, rules);
    } finally {
      decodes.release(1);
    }
  }

  private void acquire(Semaphore semaphore, int permits) {
    try {
      if (!semaphore.tryAcquire(permits, limits.patience().toMillis(), TimeUnit.MILLISECONDS)) {
        throw busy();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw busy();
    }
  }

  private static DependencyUnavailableException busy() {
    return new DependencyUnavailableException(
        "uploads_busy", "The service is busy with other uploads; retry in a moment", null);
  }

  private static int kib(long bytes) {
    return (int) Math.min(Integer.MAX_VALUE, (bytes + 1023) / 1024);
  }
}
