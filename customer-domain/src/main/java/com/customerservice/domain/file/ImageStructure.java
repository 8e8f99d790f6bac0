package com.customerservice.domain.file;

import com.customerservice.domain.error.UnsupportedImageException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The container of an image checked whole, before a decoder sees it: decoders fill what is missing
 * with blank pixels, so a truncated file would be accepted as a blank picture. A PNG must be a
 * chain of chunks with valid checksums from {@code IHDR} to {@code IEND}, of 8 bits per sample (a
 * 16-bit PNG decodes to twice the memory for nothing a photo needs); a JPEG must end its data with
 * the end-of-image marker.
 */
final class ImageStructure {
  private static final int PNG_SIGNATURE = 8;

  private ImageStructure() {}

  static void check(String field, ImageType type, byte[] content) {
    switch (type) {
      case PNG -> png(field, content);
      case JPEG -> jpeg(field, content);
    }
  }

  private static void png(String field, byte[] content) {
    ByteBuffer in = ByteBuffer.wrap(content);
    in.position(PNG_SIGNATURE);
    boolean first = true;
    boolean data = false;
    while (true) {
      if (in.remaining() < 12) {
        throw truncated(field);
      }
      long length = Integer.toUnsignedLong(in.getInt());
      if (length > in.remaining() - 8) {
        throw truncated(field);
      }
      int start = in.position();
      String kind = new String(content, start, 4, StandardCharsets.US_ASCII);
      CRC32 crc = new CRC32();
      crc.update(content, start, 4 + (int) length);
      in.position(start + 4 + (int) length);
      if ((int) crc.getValue() != in.getInt()) {
        throw new UnsupportedImageException(
            field, field + " is a damaged PNG (a chunk's checksum)");
      }
      if (first) {
        if (!kind.equals("IHDR") || length != 13) {
          throw undecodable(field);
        }
        int bitDepth = content[start + 4 + 8] & 0xFF;
        if (bitDepth > 8) {
          throw new UnsupportedImageException(
              field, field + " is a 16-bit PNG; send it with 8 bits per sample (or as a JPEG)");
        }
        first = false;
      }
      data |= kind.equals("IDAT");
      if (kind.equals("IEND")) {
        if (!data) {
          throw undecodable(field);
        }
        return;
      }
    }
  }

  private static void jpeg(String field, byte[] content) {
    // Cameras may append data after the image; the image itself must still end properly.
    for (int i = content.length - 2; i > 2; i--) {
      if ((content[i] & 0xFF) == 0xFF && (content[i + 1] & 0xFF) == 0xD9) {
        return;
      }
    }
    throw truncated(field);
  }

  private static UnsupportedImageException truncated(String field) {
    return new UnsupportedImageException(field, field + " is truncated: the file ends early");
  }

  private static UnsupportedImageException undecodable(String field) {
    return new UnsupportedImageException(field, field + " could not be decoded as an image");
  }
}
