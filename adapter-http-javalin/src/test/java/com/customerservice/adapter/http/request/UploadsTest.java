package com.customerservice.adapter.http.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.customerservice.domain.error.DependencyUnavailableException;
import com.customerservice.domain.file.Image;
import com.customerservice.domain.file.ImageLimits;
import com.customerservice.domain.fixtures.TestImages;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class UploadsTest {
  private static final byte[] PNG = TestImages.png(8, 8);

  private static Uploads.Limits limits(int decodes) {
    return new Uploads.Limits(
        ImageLimits.DEFAULT_MAX_PIXELS,
        ImageLimits.DEFAULT_MAX_PIXELS,
        Uploads.Limits.minimumMemoryBudgetBytes(),
        decodes,
        Duration.ofMillis(200));
  }

  @Test
  void decodesBeyondTheBoundWaitThenAre503() throws Exception {
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Uploads uploads =
        new Uploads(
            limits(1),
            (field, content, rules) -> {
              inside.countDown();
              await(release);
              return Image.decode(field, content, rules);
            });
    var first =
        CompletableFuture.supplyAsync(() -> uploads.decode("image", PNG, uploads.kycImage()));
    assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
    assertThatThrownBy(() -> uploads.decode("image", PNG, uploads.kycImage()))
        .isInstanceOfSatisfying(
            DependencyUnavailableException.class,
            e -> assertThat(e.code()).isEqualTo("uploads_busy"));
    release.countDown();
    assertThat(first.get(5, TimeUnit.SECONDS).width()).isEqualTo(8);
    assertThat(uploads.decode("image", PNG, uploads.kycImage()).width())
        .as("the slot is free again")
        .isEqualTo(8);
  }

  @Test
  void theMemoryBudgetMustAdmitOneUploadOfTheLargestSize() {
    assertThatThrownBy(
            () ->
                new Uploads.Limits(
                    1, 1, Uploads.Limits.minimumMemoryBudgetBytes() - 1, 1, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
