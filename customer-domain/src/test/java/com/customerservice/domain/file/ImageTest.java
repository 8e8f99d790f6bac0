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
    byte[] bomb = pngHeaderClaiming(100_000, 100_000);
    assertThatThrownBy(() -> Image.decode("image", bomb, MAX))
        .isInstanceOf(TooLargeException.class);
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

  /** A PNG signature and a valid IHDR chunk claiming the given size, and nothing else. */
  private static byte[] pngHeaderClaiming(int width, int height) {
    ByteBuffer ihdr = ByteBuffer.allocate(17);
    ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII));
    ihdr.putInt(width).putInt(height);
    ihdr.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
    CRC32 crc = new CRC32();
    crc.update(ihdr.array());
    ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4);
    png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
    png.putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
    return png.array();
  }
}
