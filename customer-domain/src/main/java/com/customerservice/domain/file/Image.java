package com.customerservice.domain.file;

import com.customerservice.domain.error.InvalidValueException;
import com.customerservice.domain.error.TooLargeException;
import com.customerservice.domain.error.UnsupportedImageException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * A JPEG or PNG image that is known to decode: the type comes from the content's first bytes, never
 * from what a client declared, and the pixel count is checked before decoding so that a tiny file
 * cannot claim gigapixels. Its {@code toString} never shows the content.
 */
public final class Image {
  /** Decoding more pixels than this would let one request exhaust the heap. */
  public static final long MAX_PIXELS = 40_000_000L;

  private final ImageType type;
  private final byte[] content;
  private final int width;
  private final int height;

  private Image(ImageType type, byte[] content, int width, int height) {
    this.type = type;
    this.content = content;
    this.width = width;
    this.height = height;
  }

  /**
   * Checks and decodes {@code content}; {@code field} names the part in errors and {@code maxBytes}
   * bounds its size.
   */
  public static Image decode(String field, byte[] content, long maxBytes) {
    if (content == null) {
      throw InvalidValueException.missing(field);
    }
    if (content.length == 0) {
      throw InvalidValueException.invalid(field, field + " is an empty file");
    }
    if (content.length > maxBytes) {
      throw new TooLargeException(field, field + " must be at most " + maxBytes + " bytes");
    }
    ImageType type =
        ImageType.sniff(content)
            .orElseThrow(
                () -> new UnsupportedImageException(field, field + " must be a JPEG or PNG image"));
    BufferedImage pixels = read(field, type, content);
    return new Image(
        type, Arrays.copyOf(content, content.length), pixels.getWidth(), pixels.getHeight());
  }

  /**
   * A copy fit to show as a profile picture: re-encoded from its pixels, so that no metadata (EXIF,
   * including GPS position) survives, and scaled down to at most {@code maxSide} pixels on its
   * longest side.
   */
  public Image normalised(int maxSide) {
    BufferedImage source = read("image", type, content);
    double scale = Math.min(1.0, (double) maxSide / Math.max(width, height));
    int w = Math.max(1, (int) Math.round(width * scale));
    int h = Math.max(1, (int) Math.round(height * scale));
    // JPEG has no alpha channel; PNG keeps it.
    int pixelType =
        type == ImageType.PNG ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
    BufferedImage target = new BufferedImage(w, h, pixelType);
    Graphics2D g = target.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(source, 0, 0, w, h, null);
    } finally {
      g.dispose();
    }
    var out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(target, type.formatName(), out)) {
        throw new IllegalStateException("no ImageIO writer for " + type);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Image(type, out.toByteArray(), w, h);
  }

  private static BufferedImage read(String field, ImageType type, byte[] content) {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(type.formatName());
    if (!readers.hasNext()) {
      throw new IllegalStateException("no ImageIO reader for " + type);
    }
    ImageReader reader = readers.next();
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
      reader.setInput(in, true, true);
      long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
      if (pixels > MAX_PIXELS) {
        throw new TooLargeException(field, field + " must have at most " + MAX_PIXELS + " pixels");
      }
      BufferedImage image = reader.read(0);
      if (image == null || image.getWidth() <= 0 || image.getHeight() <= 0) {
        throw undecodable(field);
      }
      return image;
    } catch (IOException | RuntimeException e) {
      if (e instanceof TooLargeException tooLarge) {
        throw tooLarge;
      }
      throw undecodable(field);
    } finally {
      reader.dispose();
    }
  }

  private static UnsupportedImageException undecodable(String field) {
    return new UnsupportedImageException(field, field + " could not be decoded as an image");
  }

  public ImageType type() {
    return type;
  }

  /** A copy of the encoded bytes. */
  public byte[] content() {
    return Arrays.copyOf(content, content.length);
  }

  public int size() {
    return content.length;
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  @Override
  public String toString() {
    return "Image[" + type + ", " + width + "x" + height + ", " + content.length + " bytes]";
  }
}
