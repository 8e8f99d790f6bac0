package com.customerservice.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerservice.adapter.http.ApiClient.Multipart;
import com.customerservice.adapter.http.request.Uploads;
import com.customerservice.domain.file.ImageLimits;
import com.customerservice.domain.fixtures.TestImages;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Uploads in flight share a memory budget: one more that does not fit waits, then is 503. */
class UploadBudgetApiTest extends ApiTestSupport {

  @Override
  protected Uploads.Limits uploads() {
    return new Uploads.Limits(
        ImageLimits.DEFAULT_MAX_PIXELS,
        ImageLimits.DEFAULT_MAX_PIXELS,
        Uploads.Limits.minimumMemoryBudgetBytes(),
        2,
        Duration.ofMillis(300));
  }

  /** A valid JPEG of about {@code bytes}: camera-style data after its end-of-image marker. */
  private static byte[] jpegOf(int bytes) {
    byte[] small = TestImages.jpeg(64, 48);
    return Arrays.copyOf(small, Math.max(small.length, bytes));
  }

  @Test
  void anUploadThatDoesNotFitTheBudgetIs503WithRetryAfterAndLaterSucceeds() throws Exception {
    String id = onboard("+258840000001");
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    app.kyc.holdDocumentReads(entered, release);
    var big =
        CompletableFuture.supplyAsync(
            () ->
                api.postMultipart(
                    "/v1/customers/" + id + "/upload-document",
                    new Multipart()
                        .text("doc_type", "MZ_BI")
                        .file("image1", "front.jpg", "image/jpeg", jpegOf(10_400_000))
                        .file("image2", "back.jpg", "image/jpeg", jpegOf(10_400_000))));
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

    var squeezed =
        api.postMultipart(
            "/v1/customers/" + id + "/upload-document",
            new Multipart()
                .text("doc_type", "MZ_BI")
                .file("image1", "front.jpg", "image/jpeg", jpegOf(10_400_000))
                .file("image2", "back.jpg", "image/jpeg", jpegOf(10_400_000)));
    assertThat(squeezed.status()).isEqualTo(503);
    assertThat(squeezed.errorCode()).isEqualTo("uploads_busy");
    assertThat(squeezed.header("Retry-After")).isNotBlank();

    release.countDown();
    assertThat(big.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
    var later =
        api.postMultipart(
            "/v1/customers/" + id + "/profile/picture",
            new Multipart().file("image", "me.jpg", "image/jpeg", jpegOf(5_000_000)));
    assertThat(later.status()).isEqualTo(200);
  }
}
