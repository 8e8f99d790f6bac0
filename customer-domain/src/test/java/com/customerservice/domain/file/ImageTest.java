package com.customerservice.domain.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.customerservice.domain.error.InvalidValueException;
import com.customerservice.domain.error.TooLargeException;
import com.customerservice.domain.error.UnsupportedImageException;
import com.customerservice.domain.fixtures.TestImages;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class ImageTest {
  private static final long MAX = 10L * 1024 * 1024;

  @Test
  void recognisesPngAndJpegByContent() {
    assertThat(Image.decode("image1", TestImages.png(40, 30), MAX).type()).isEqualTo(ImageType.PNG);
    Image jpeg = Image.decode("image1", TestImages.jpeg(40, 30), MAX);
    assertThat(jpeg.type()).isEqualTo(ImageType.JPEG);
    assertThat(jpeg.width()).isEqualTo(40);
    assertThat(jpeg.height()).isEqualTo(30);
  }

  @Test
  void anEmptyFileIsABadRequestNamingThePart() {
    assertThatThrownBy(() -> Image.decode("image1", new byte[0], MAX))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.param()).contains("image1"));
  }

  @Test
  void textIsNotAnImage() {
    byte[] text = "GIF89a definitely not what we accept".getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> Image.decode("image", text, MAX))
        .isInstanceOfSatisfying(
            UnsupportedImageException.class,
            e -> {
              assertThat(e.code()).isEqualTo("image_invalid");
              assertThat(e.param()).contains("image");
            });
  }

  @Test
  void theRightMagicBytesOnATruncatedFileAreNotEnough() {
    byte[] png = TestImages.png(40, 30);
    byte[] truncated = Arrays.copyOf(png, 40);
    assertThatThrownBy(() -> Image.decode("image", truncated, MAX))
        .isInstanceOf(UnsupportedImageException.class);
    byte[] jpegHeaderOnly = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0};
    assertThatThrownBy(() -> Image.decode("image", jpegHeaderOnly, MAX))
        .isInstanceOf(UnsupportedImageException.class);
  }

  @Test
  void aFileOverTheLimitIsTooLarge() {
    byte[] png = TestImages.png(40, 30);
    assertThatThrownBy(() -> Image.decode("image1", png, png.length - 1))
        .isInstanceOfSatisfying(
            TooLargeException.class, e -> assertThat(e.code()).isEqualTo("file_too_large"));
  }

  @Test
  void aSmallFileClaimingGigapixelsIsRefusedBeforeDecoding() {
    byte[] bomb = pngClaiming(100_000, 100_000, 8);
    assertThatThrownBy(() -> Image.decode("image", bomb, MAX))
        .isInstanceOf(TooLargeException.class);
  }

  @Test
  void aJpegDeclaringFortyMegapixelsInAFewBytesIsRefusedBeforeDecoding() {
    byte[] bomb = TestImages.withJpegSize(TestImages.jpeg(16, 16), 6320, 6320);
    assertThat(bomb.length).isLessThan(1_000);
    assertThatThrownBy(
            () -> Image.decode("image", bomb, ImageRules.kycImage(ImageLimits.DEFAULT_MAX_PIXELS)))
        .isInstanceOfSatisfying(
            TooLargeException.class, e -> assertThat(e.getMessage()).contains("pixels"));
    assertThatThrownBy(
            () ->
                Image.decode(
                    "image", bomb, ImageRules.profilePicture(ImageLimits.DEFAULT_MAX_PIXELS)))
        .isInstanceOf(TooLargeException.class);
  }

  @Test
  void eachPurposeHasItsOwnPixelCap() {
    byte[] png = TestImages.png(40, 30);
    assertThatThrownBy(() -> Image.decode("image", png, ImageRules.kycImage(1_000)))
        .isInstanceOf(TooLargeException.class);
    assertThat(Image.decode("image", png, ImageRules.kycImage(1_200)).width()).isEqualTo(40);
  }

  @Test
  void aRealSixteenBitPngIsRefusedAsUnsupported() {
    assertThatThrownBy(() -> Image.decode("image", TestImages.png16(64, 64), MAX))
        .isInstanceOf(UnsupportedImageException.class);
  }

  @Test
  void aSixteenBitPngIsRefusedAsUnsupported() {
    assertThatThrownBy(() -> Image.decode("image", pngClaiming(64, 64, 16), MAX))
        .isInstanceOfSatisfying(
            UnsupportedImageException.class, e -> assertThat(e.getMessage()).contains("16-bit"));
  }

  @Test
  void aPngCutShortOrDamagedIsRefusedNotShownHalfBlank() {
    byte[] png = TestImages.png(400, 300);
    assertThatThrownBy(() -> Image.decode("image", Arrays.copyOf(png, 60), MAX))
        .isInstanceOfSatisfying(
            UnsupportedImageException.class, e -> assertThat(e.getMessage()).contains("truncated"));
    assertThatThrownBy(() -> Image.decode("image", Arrays.copyOf(png, png.length - 12), MAX))
        .isInstanceOf(UnsupportedImageException.class);
    byte[] damaged = png.clone();
    damaged[40] ^= 0x55;
    assertThatThrownBy(() -> Image.decode("image", damaged, MAX))
        .isInstanceOf(UnsupportedImageException.class);
  }

  @Test
  void aJpegCutShortIsRefused() {
    byte[] jpeg = TestImages.jpeg(400, 300);
    assertThatThrownBy(() -> Image.decode("image", Arrays.copyOf(jpeg, jpeg.length / 2), MAX))
        .isInstanceOf(UnsupportedImageException.class);
  }

  @Test
  void aProfilePictureIsDecodedOnceStraightToItsReencodedCopy() {
    Image picture =
        Image.decode(
            "image",
            insertExif(TestImages.jpeg(4000, 3000), "GPS-51.5007N"),
            ImageRules.profilePicture(ImageLimits.DEFAULT_MAX_PIXELS));
    assertThat(picture.isReencoded()).isTrue();
    assertThat(picture.width()).isEqualTo(1024);
    assertThat(picture.height()).isEqualTo(768);
    assertThat(new String(picture.content(), StandardCharsets.ISO_8859_1)).doesNotContain("GPS");
    assertThat(picture.normalised(1024)).isSameAs(picture);
  }

  @Test
  void normalisingScalesTheLongestSideDownAndKeepsTheType() {
    Image big = Image.decode("image", TestImages.jpeg(2048, 1024), MAX);
    Image small = big.normalised(1024);
    assertThat(small.type()).isEqualTo(ImageType.JPEG);
    assertThat(small.width()).isEqualTo(1024);
    assertThat(small.height()).isEqualTo(512);
    assertThat(Image.decode("image", small.content(), MAX).width()).isEqualTo(1024);
  }

  @Test
  void normalisingNeverEnlarges() {
    Image image = Image.decode("image", TestImages.png(100, 50), MAX);
    Image normalised = image.normalised(1024);
    assertThat(normalised.width()).isEqualTo(100);
    assertThat(normalised.type()).isEqualTo(ImageType.PNG);
  }

  @Test
  void normalisingStripsExifMetadataIncludingGps() {
    byte[] withExif = insertExif(TestImages.jpeg(64, 64), "GPS-51.5007N-0.1246W");
    Image image = Image.decode("image", withExif, MAX);
    assertThat(new String(image.content(), StandardCharsets.ISO_8859_1)).contains("GPS-51.5007N");
    Image cleaned = image.normalised(1024);
    String content = new String(cleaned.content(), StandardCharsets.ISO_8859_1);
    assertThat(content).doesNotContain("Exif").doesNotContain("GPS-51.5007N");
  }

  @Test
  void toStringShowsNoContent() {
    assertThat(Image.decode("image", TestImages.png(4, 4), MAX).toString())
        .startsWith("Image[PNG, 4x4");
  }

  /** A JPEG with an APP1 "Exif" segment right after the start-of-image marker. */
  private static byte[] insertExif(byte[] jpeg, String payload) {
    byte[] body = ("Exif\0\0" + payload).getBytes(StandardCharsets.ISO_8859_1);
    var out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2);
    out.write(0xFF);
    out.write(0xE1);
    int length = body.length + 2;
    out.write(length >> 8);
    out.write(length & 0xFF);
    out.write(body, 0, body.length);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  /**
   * A structurally complete PNG (signature, IHDR, one tiny IDAT, IEND, valid checksums) claiming
   * the given size and bit depth: what a decompression bomb looks like from the outside.
   */
  private static byte[] pngClaiming(int width, int height, int bitDepth) {
    ByteBuffer ihdr = ByteBuffer.allocate(13);
    ihdr.putInt(width).putInt(height);
    ihdr.put((byte) bitDepth).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
    var out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
    chunk(out, "IHDR", ihdr.array());
    chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] kind = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(kind);
    crc.update(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    out.writeBytes(kind);
    out.writeBytes(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }
}
