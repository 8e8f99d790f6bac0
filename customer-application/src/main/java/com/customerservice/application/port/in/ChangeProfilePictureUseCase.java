package com.customerservice.application.port.in;

import com.customerservice.domain.customer.Customer;
import com.customerservice.domain.error.InvalidValueException;
import com.customerservice.domain.error.TooLargeException;
import com.customerservice.domain.file.Image;
import com.customerservice.domain.file.ImageLimits;
import java.util.Objects;
import java.util.function.Supplier;

/** Replaces a customer's profile picture with a cleaned, bounded copy of an image. */
public interface ChangeProfilePictureUseCase {

  Customer change(Command command);

  /** The customer, and the picture as sent: read only once the customer is known. */
  record Command(String customerId, Supplier<Image> picture) {
    public static final String IMAGE_FIELD = "image";

    public Command {
      Objects.requireNonNull(picture, "picture");
    }

    /**
     * The picture as it will be stored: one not yet re-encoded (no metadata, at most {@link
     * ImageLimits#PROFILE_PICTURE_MAX_SIDE} px) is re-encoded here.
     */
    public Image readPicture() {
      Image image = picture.get();
      if (image == null) {
        throw InvalidValueException.missing(IMAGE_FIELD);
      }
      if (!image.isReencoded() && image.size() > ImageLimits.PROFILE_PICTURE_MAX_BYTES) {
        throw new TooLargeException(
            IMAGE_FIELD,
            IMAGE_FIELD + " must be at most " + ImageLimits.PROFILE_PICTURE_MAX_BYTES + " bytes");
      }
      return image.normalised(ImageLimits.PROFILE_PICTURE_MAX_SIDE);
    }
  }
}
