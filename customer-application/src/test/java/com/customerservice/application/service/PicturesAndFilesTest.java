package com.customerservice.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.customerservice.application.fixtures.InMemoryApplication;
import com.customerservice.application.port.in.ChangeProfilePictureUseCase;
import com.customerservice.application.port.in.UploadIdentityDocumentUseCase;
import com.customerservice.domain.customer.Customer;
import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.error.NotFoundException;
import com.customerservice.domain.error.TooLargeException;
import com.customerservice.domain.file.Bucket;
import com.customerservice.domain.file.Image;
import com.customerservice.domain.file.ImageLimits;
import com.customerservice.domain.file.StoredFile;
import com.customerservice.domain.fixtures.TestImages;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PicturesAndFilesTest {
  private final InMemoryApplication app = new InMemoryApplication();
  private final CustomerId customer = app.onboard("+258841234567");

  private Customer changePicture(Image image) {
    return app.changePicture.change(
        new ChangeProfilePictureUseCase.Command(customer.value(), () -> image));
  }

  @Test
  void anUnknownCustomersPictureIsNotFoundAndNothingIsStored() {
    assertThatThrownBy(
            () ->
                app.changePicture.change(
                    new ChangeProfilePictureUseCase.Command(
                        "cus_abcdefghijklmnopqrstuvwx", () -> TestImages.pngImage())))
        .isInstanceOf(NotFoundException.class);
    assertThat(app.store.size()).isZero();
  }

  @Test
  void aPictureOverFiveMebibytesIsTooLarge() {
    Image big = oversized();
    assertThat((long) big.size()).isGreaterThan(ImageLimits.PROFILE_PICTURE_MAX_BYTES);
    assertThatThrownBy(() -> changePicture(big)).isInstanceOf(TooLargeException.class);
    assertThat(app.store.size()).isZero();
  }

  @Test
  void storesABoundedCopyAndPointsTheCustomerAtIt() {
    Customer updated =
        changePicture(Image.decode("image", TestImages.jpeg(3000, 1500), Long.MAX_VALUE));
    assertThat(updated.profilePicture().bucket()).isEqualTo(Bucket.PROFILES);
    assertThat(updated.profilePicture().link())
        .isEqualTo("/files/profiles/" + updated.profilePicture().fileId().value());
    StoredFile stored = app.files.read("profiles", updated.profilePicture().fileId().value());
    Image served = Image.decode("file", stored.content(), Long.MAX_VALUE);
    assertThat(served.width()).isEqualTo(1024);
    assertThat(served.height()).isEqualTo(512);
  }

  @Test
  void aReplacedPictureIsDeletedAndNoLongerServed() {
    String first = changePicture(TestImages.pngImage()).profilePicture().fileId().value();
    String second = changePicture(TestImages.jpegImage()).profilePicture().fileId().value();
    assertThat(app.files.read("profiles", second)).isNotNull();
    assertThatThrownBy(() -> app.files.read("profiles", first))
        .isInstanceOf(NotFoundException.class);
    assertThat(app.store.size()).isEqualTo(1);
  }

  @Test
  void onlyProfilePicturesOfActiveCustomersAreServed() {
    var uploaded =
        app.uploadDocument.upload(
            new UploadIdentityDocumentUseCase.Command(
                customer.value(),
                () ->
                    new UploadIdentityDocumentUseCase.Document(
                        "MZ_PASSPORT", TestImages.jpegImage(), Optional.empty())));
    String documentPage = uploaded.document().front().value();
    assertThatThrownBy(() -> app.files.read("documents", documentPage))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> app.files.read("profiles", documentPage))
        .isInstanceOf(NotFoundException.class);

    Customer updated = changePicture(TestImages.pngImage());
    String picture = updated.profilePicture().fileId().value();
    assertThat(app.files.read("profiles", picture).type().mediaType()).isEqualTo("image/png");
    assertThatThrownBy(() -> app.files.read("nope", picture)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> app.files.read("profiles", "file_123"))
        .isInstanceOf(NotFoundException.class);

    app.close.close(customer.value());
    assertThatThrownBy(() -> app.files.read("profiles", picture))
        .isInstanceOf(NotFoundException.class);
  }

  /** An image whose encoded size is over the profile limit (a noisy PNG does not compress). */
  private static Image oversized() {
    var image =
        new java.awt.image.BufferedImage(1400, 1400, java.awt.image.BufferedImage.TYPE_INT_RGB);
    var random = new java.util.SplittableRandom(9);
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        image.setRGB(x, y, random.nextInt(0x1000000));
      }
    }
    var out = new java.io.ByteArrayOutputStream();
    try {
      javax.imageio.ImageIO.write(image, "png", out);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return Image.decode("image", out.toByteArray(), Long.MAX_VALUE);
  }
}
