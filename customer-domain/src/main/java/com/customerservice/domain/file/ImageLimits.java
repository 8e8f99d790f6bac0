package com.customerservice.domain.file;

/** How large the images we accept may be. */
public final class ImageLimits {
  /** An identity document page or a selfie. */
  public static final long KYC_IMAGE_MAX_BYTES = 10L * 1024 * 1024;

  /** A profile picture as uploaded (it is stored smaller). */
  public static final long PROFILE_PICTURE_MAX_BYTES = 5L * 1024 * 1024;

  /** The longest side of a stored profile picture, in pixels. */
  public static final int PROFILE_PICTURE_MAX_SIDE = 1024;

  /**
   * Pixels an image may declare by default, for every purpose: a phone's photo (12 to 24
   * megapixels) passes, decompression bombs declaring 40 megapixels in a few hundred bytes do not.
   */
  public static final long DEFAULT_MAX_PIXELS = 25_000_000L;

  private ImageLimits() {}
}
