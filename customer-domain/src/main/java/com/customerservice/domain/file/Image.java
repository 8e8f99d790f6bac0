package com.customerservice.domain.file;

import com.customerservice.domain.error.DependencyUnavailableException;
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
import java.util.Locale;
import java.util.OptionalInt;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;

/**
 * A JPEG or PNG image that is known to decode: the type comes from the content's first bytes, never
 * from what a client declared; the file's structure is checked whole (a truncated file is refused,
 * not shown half blank); the pixel count is checked before decoding so that a tiny file cannot
 * claim gigapixels; and the image is decoded once, subsampled to a small working size, so that
 * decoding takes memory in proportion to what is kept, not to what is declared. Its {@code
 * toString} never shows the content.
 */
public final class Image {
  /** The longest side an image is decoded to when it is only checked, not re-encoded. */
  static final int CHECK_SIDE = 256;

  private final ImageType type;
  private final byte[] content;
  private final int width;
  private final int height;
  private final boolean reencoded;

  private Image(ImageType type, byte[] content, int width, int height, boolean reencoded) {
    this.type = type;
    this.content = content;
    this.width = width;
    this.height = height;
    this.reencoded = reencoded;
  }

  /**
   * Checks and decodes {@code content} under {@code rules}; {@code field} names the part in errors.
   * With {@link ImageRules#reencodeToSide} the result is the re-encoded copy (no metadata, scaled
   * down), made from the same single decode.
   */
  public static Image decode(String field, byte[] content, ImageRules rules) {
    if (content == null) {
      throw InvalidValueException.missing(field);
    }
    if (content.length == 0) {
      throw InvalidValueException.invalid(field, field + " is an empty file");
    }
    if (content.length > rules.maxBytes()) {
      throw new TooLargeException(field, field + " must be at most " + rules.maxBytes() + " bytes");
    }
    ImageType type =
        ImageType.sniff(content)
            .orElseThrow(
                () -> new UnsupportedImageException(field, field + " must be a JPEG or PNG image"));
    ImageStructure.check(field, type, content);
    OptionalInt side = rules.reencodeToSide();
    Decoded decoded = read(field, type, content, rules.maxPixels(), side.orElse(CHECK_SIDE));
    if (side.isPresent()) {
      return reencode(type, decoded, side.getAsInt());
    }
    return new Image(
        type, Arrays.copyOf(content, content.length), decoded.width(), decoded.height(), false);
  }

  /** Checks and decodes {@code content} of at most {@code maxBytes}, with the default pixel cap. */
  public static Image decode(String field, byte[] content, long maxBytes) {
    return decode(
        field,
        content,
        new ImageRules(maxBytes, ImageLimits.DEFAULT_MAX_PIXELS, OptionalInt.empty()));
  }

  /**
   * A copy fit to show as a profile picture: re-encoded from its pixels, so that no metadata (EXIF,
   * including GPS position) survives, and scaled down to at most {@code maxSide} pixels on its
   * longest side. An image already re-encoded that small is returned as it is.
   */
  public Image normalised(int maxSide) {
    if (reencoded && Math.max(width, height) <= maxSide) {
      return this;
    }
    return reencode(type, read("image", type, content, Long.MAX_VALUE, maxSide), maxSide);
  }

  /** What one decode produced: the declared size, and pixels subsampled to a working size. */
  private record Decoded(int width, int height, BufferedImage pixels) {}

  private static Decoded read(
      String field, ImageType type, byte[] content, long maxPixels, int workingSide) {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(type.formatName());
    if (!readers.hasNext()) {
      throw new IllegalStateException("no ImageIO reader for " + type);
    }
    ImageReader reader = readers.next();
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
      reader.setInput(in, true, true);
      int width = reader.getWidth(0);
      int height = reader.getHeight(0);
      if (width <= 0 || height <= 0) {
        throw undecodable(field);
      }
      if ((long) width * height > maxPixels) {
        throw new TooLargeException(field, field + " must have at most " + maxPixels + " pixels");
      }
      TruncationWatch truncation = new TruncationWatch();
      reader.addIIOReadWarningListener(truncation);
      ImageReadParam param = reader.getDefaultReadParam();
      int step = Math.max(1, Math.max(width, height) / workingSide);
      param.setSourceSubsampling(step, step, 0, 0);
      BufferedImage pixels = reader.read(0, param);
      if (pixels == null || truncation.truncated) {
        throw undecodable(field);
      }
      return new Decoded(width, height, pixels);
    } catch (IOException | RuntimeException e) {
      if (e instanceof TooLargeException || e instanceof UnsupportedImageException) {
        throw (RuntimeException) e;
      }
      throw undecodable(field);
    } catch (OutOfMemoryError e) {
      // The decode failed to allocate; nothing else is harmed. Say "later", not "bad image".
      throw new DependencyUnavailableException(
          "image_decoding_unavailable", "The image cannot be decoded now; try again shortly", null);
    } finally {
      reader.dispose();
    }
  }

  /** Refuses what the decoder itself reports as data that ends early. */
  private static final class TruncationWatch implements IIOReadWarningListener {
    private volatile boolean truncated;

    @Override
    public void warningOccurred(ImageReader source, String warning) {
      if (warning != null && warning.toLowerCase(Locale.ROOT).contains("premature end")) {
        truncated = true;
      }
    }
  }

  private static Image reencode(ImageType type, Decoded decoded, int maxSide) {
    double scale = Math.min(1.0, (double) maxSide / Math.max(decoded.width(), decoded.height()));
    int w = Math.max(1, (int) Math.round(decoded.width() * scale));
    int h = Math.max(1, (int) Math.round(decoded.height() * scale));
    // JPEG has no alpha channel; PNG keeps it.
    int pixelType =
        type == ImageType.PNG ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
    BufferedImage target = new BufferedImage(w, h, pixelType);
    Graphics2D g = target.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(decoded.pixels(), 0, 0, w, h, null);
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
    return new Image(type, out.toByteArray(), w, h, true);
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

  /** Whether this is a copy this service re-encoded (no metadata of the original survives). */
  public boolean isReencoded() {
    return reencoded;
  }

  @Override
  public String toString() {
    return "Image[" + type + ", " + width + "x" + height + ", " + content.length + " bytes]";
  }
}
