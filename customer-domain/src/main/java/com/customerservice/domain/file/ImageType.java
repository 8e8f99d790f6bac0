package com.customerservice.domain.file;

import java.util.Arrays;
import java.util.Optional;

/** The image formats accepted, recognised by their first bytes rather than a declared type. */
public enum ImageType {
  JPEG("image/jpeg", "jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
  PNG("image/png", "png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});

  private final String mediaType;
  private final String formatName;
  private final byte[] magic;

  ImageType(String mediaType, String formatName, byte[] magic) {
    this.mediaType = mediaType;
    this.formatName = formatName;
    this.magic = magic;
  }

  public String mediaType() {
    return mediaType;
  }

  /** The name {@code javax.imageio} knows the format by. */
  public String formatName() {
    return formatName;
  }

  public static Optional<ImageType> sniff(byte[] content) {
    return Arrays.stream(values()).filter(t -> t.startsWithMagic(content)).findFirst();
  }

  public static Optional<ImageType> fromMediaType(String mediaType) {
    return Arrays.stream(values()).filter(t -> t.mediaType.equals(mediaType)).findFirst();
  }

  private boolean startsWithMagic(byte[] content) {
    if (content == null || content.length < magic.length) {
      return false;
    }
    return Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
  }
}
