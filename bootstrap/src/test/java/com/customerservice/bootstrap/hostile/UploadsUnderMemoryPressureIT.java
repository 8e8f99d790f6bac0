package com.customerservice.bootstrap.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerservice.bootstrap.MultipartBodies;
import com.customerservice.bootstrap.ServiceProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service jar with a 256 MB heap, hit by twenty uploads at once, each as large as allowed in
 * bytes and in pixels (ten identity documents of two 25-megapixel pages, ten 25-megapixel profile
 * pictures): each is answered (200, or 503 with Retry-After while the budgets are full), none is a
 * 500, and afterwards the service is ready and answers as before.
 */
class UploadsUnderMemoryPressureIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  @TempDir Path dir;
  private ServiceProcess service;

  @AfterEach
  void stop() {
    if (service != null) {
      service.close();
    }
  }

  @Test
  void twentyMaximumUploadsAtOnceLeaveA256MbServiceHealthy() throws Exception {
    service = ServiceProcess.start(dir, Map.of(), "-Xmx256m");
    String origin = service.origin();
    List<String> customers = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      customers.add(onboard(origin, String.format("+2588477700%02d", i)));
    }

    byte[] page = jpegOfAtMost(5000, 5000, 10 * 1024 * 1024);
    byte[] picture = jpegOfAtMost(5000, 5000, 5 * 1024 * 1024);
    List<CompletableFuture<HttpResponse<String>>> uploads = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      uploads.add(
          send(
              origin + "/v1/customers/" + customers.get(i) + "/upload-document",
              Map.of("doc_type", "MZ_BI"),
              Map.of("image1", page, "image2", page)));
      uploads.add(
          send(
              origin + "/v1/customers/" + customers.get(10 + i) + "/profile/picture",
              Map.of(),
              Map.of("image", picture)));
    }
    int accepted = 0;
    for (var upload : uploads) {
      HttpResponse<String> answer = upload.get();
      assertThat(answer.statusCode()).as(answer.body()).isIn(200, 503);
      if (answer.statusCode() == 503) {
        assertThat(answer.headers().firstValue("Retry-After")).isPresent();
      } else {
        accepted++;
      }
    }
    assertThat(accepted).isPositive();
    assertThat(get(origin + "/health/ready").statusCode()).isEqualTo(200);
    assertThat(get(origin + "/v1/customers/" + customers.get(0)).statusCode()).isEqualTo(200);
    assertThat(service.isAlive()).isTrue();
    assertThat(service.log()).doesNotContain("OutOfMemoryError");
  }

  private String onboard(String origin, String phone) throws Exception {
    JsonNode started =
        JSON.readTree(
            post(origin + "/v1/customers/initiate", "{\"phone_number\":\"" + phone + "\"}").body());
    JsonNode verified =
        JSON.readTree(
            post(
                    origin + "/v1/customers",
                    "{\"session_id\":\""
                        + started.path("session_id").asText()
                        + "\",\"verification_code\":\""
                        + started.path("otp").asText()
                        + "\"}")
                .body());
    return verified.path("customer_id").asText();
  }

  private HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String url, String json)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private CompletableFuture<HttpResponse<String>> send(
      String url, Map<String, String> fields, Map<String, byte[]> files) {
    String boundary = "----pressure";
    byte[] body = MultipartBodies.of(boundary, fields, files);
    return http.sendAsync(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", MultipartBodies.contentType(boundary))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A photo-like JPEG (smooth shades with grain) of the given size within {@code maxBytes}. */
  private static byte[] jpegOfAtMost(int width, int height, int maxBytes) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Random grain = new Random(7);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int shade = (x * 255 / width + y * 255 / height) / 2;
        int noise = grain.nextInt(24);
        int v = Math.min(255, shade + noise);
        image.setRGB(x, y, (v << 16) | ((255 - v) << 8) | (v / 2));
      }
    }
    for (float quality = 0.9f; quality > 0.05f; quality -= 0.1f) {
      byte[] encoded = encode(image, quality);
      if (encoded.length <= maxBytes) {
        return encoded;
      }
    }
    throw new AssertionError("could not fit " + width + "x" + height + " in " + maxBytes);
  }

  private static byte[] encode(BufferedImage image, float quality) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(quality);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
      writer.setOutput(stream);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }
}
