package com.customerservice.domain.file;

import java.util.OptionalInt;

/**
 * What an image of one purpose may be: at most {@code maxBytes} as sent, at most {@code maxPixels}
 * as its header declares (checked before any decoding, so a small file cannot claim gigapixels),
 * and, when {@code reencodeToSide} is set, re-encoded on the way in to at most that many pixels on
 * its longest side.
 */
public record ImageRules(long maxBytes, long maxPixels, OptionalInt reencodeToSide) {
  public ImageRules {
    if (maxBytes < 1 || maxPixels < 1) {
      throw new IllegalArgumentException("image limits must be positive");
    }
    reencodeToSide.ifPresent(
        side -> {
          if (side < 16) {
            throw new IllegalArgumentException("a re-encoded image keeps at least 16 px");
          }
        });
  }

  /** An identity document page or a selfie, kept exactly as sent. */
  public static ImageRules kycImage(long maxPixels) {
    return new ImageRules(ImageLimits.KYC_IMAGE_MAX_BYTES, maxPixels, OptionalInt.empty());
  }

  /** A profile picture, re-encoded (no metadata) and scaled down on the way in. */
  public static ImageRules profilePicture(long maxPixels) {
    return new ImageRules(
        ImageLimits.PROFILE_PICTURE_MAX_BYTES,
        maxPixels,
        OptionalInt.of(ImageLimits.PROFILE_PICTURE_MAX_SIDE));
  }
}
