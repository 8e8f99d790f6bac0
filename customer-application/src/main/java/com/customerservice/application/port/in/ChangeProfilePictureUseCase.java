package com.customerservice.application.port.in;

import com.customerservice.domain.customer.Customer;
import com.customerservice.domain.error.InvalidValueException;
import com.customerservice.domain.error.TooLargeException;
import com.customerservice.domain.file.Image;
import com.customerservice.domain.file.ImageLimits;

/** Replaces a customer's profile picture with a cleaned, bounded copy of an image. */
public interface ChangeProfilePictureUseCase {

  Customer change(Command command);

  /**
   * The customer, and the picture as it will be stored: a picture not yet re-encoded (no metadata,
   * at most {@link ImageLimits#PROFILE_PICTURE_MAX_SIDE} px) is re-encoded here.
   */
  record Command(String customerId, Image picture) {
    public Command {
      if (picture == null) {
        throw InvalidValueException.missing("image");
      }
      if (!picture.isReencoded() && picture.size() > ImageLimits.PROFILE_PICTURE_MAX_BYTES) {
        throw new TooLargeException(
            "image", "image must be at most " + ImageLimits.PROFILE_PICTURE_MAX_BYTES + " bytes");
      }
      picture = picture.normalised(ImageLimits.PROFILE_PICTURE_MAX_SIDE);
    }
  }
}
