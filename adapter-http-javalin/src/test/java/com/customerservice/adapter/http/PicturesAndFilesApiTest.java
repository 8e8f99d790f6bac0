package com.customerservice.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerservice.adapter.http.ApiClient.Multipart;
import com.customerservice.domain.file.Image;
import com.customerservice.domain.fixtures.TestImages;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PicturesAndFilesApiTest extends ApiTestSupport {

  @Test
  void aNewPictureIsStoredSmallerAndServedWithItsType() {
    String id = onboard("+258830000000");
    var reply =
        api.postMultipart(
            "/v1/customers/" + id + "/profile/picture",
            new Multipart()
                .file("image", "me.jpg", "application/octet-stream", TestImages.jpeg(2000, 1000)));
    assertThat(reply.status()).isEqualTo(200);
    JsonNode picture = reply.json().path("customer").path("profile_picture");
    String fileId = picture.path("file_id").asText();
    assertThat(fileId).matches("file_[A-Za-z0-9]{24}");
    assertThat(picture.path("file_bucket").asText()).isEqualTo("profiles");
    assertThat(picture.path("file_link").asText()).isEqualTo("/files/profiles/" + fileId);

    var file = api.get("/files/profiles/" + fileId);
    assertThat(file.status()).isEqualTo(200);
    assertThat(file.header("Content-Type")).startsWith("image/jpeg");
    Image served = Image.decode("file", file.body(), Long.MAX_VALUE);
    assertThat(served.width()).isEqualTo(1024);

    var receiver = api.get("/v1/customers/get-receiver/+258830000000");
    assertThat(receiver.json().path("profile_picture").path("file_id").asText()).isEqualTo(fileId);
  }

  @Test
  void aPictureThatIsNotAnImageIs415() {
    String id = onboard("+258830000000");
    var reply =
        api.postMultipart(
            "/v1/customers/" + id + "/profile/picture",
            new Multipart()
                .file("image", "me.png", "image/png", "<svg/>".getBytes(StandardCharsets.UTF_8)));
    assertThat(reply.status()).isEqualTo(415);
  }

  @Test
  void aPictureWithoutTheImagePartIs400() {
    String id = onboard("+258830000000");
    var reply =
        api.postMultipart(
            "/v1/customers/" + id + "/profile/picture", new Multipart().text("other", "x"));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorParam()).isEqualTo("image");
  }

  @Test
  void unknownFilesAndUnservedBucketsAre404() {
    assertThat(api.get("/files/profiles/file_abcdefghijklmnopqrstuvwx").status()).isEqualTo(404);
    assertThat(api.get("/files/documents/file_abcdefghijklmnopqrstuvwx").status()).isEqualTo(404);
    assertThat(api.get("/files/profiles/file_123").status()).isEqualTo(404);
  }
}
