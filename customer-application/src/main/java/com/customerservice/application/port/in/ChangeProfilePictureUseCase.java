package com.customerservice.application.port.in;

import com.customerservice.domain.customer.Customer;
import com.customerservice.domain.error.InvalidValueException;
import com.customerservice.domain.error.TooLargeException;
import com.customerservice.domain.file.Image;
import com.customerservice.domain.file.ImageLimits;

/** Replaces a customer's profile picture with a cleaned, bounded copy of an image. */
public interface ChangeProfilePictureUseCase {

  Customer change(Command command);

  record Command(String customerId, Image picture) {
    public Command {
      if (picture == null) {
        throw InvalidValueException.missing("image");
      }
      if (picture.size() > ImageLimits.PROFILE_PICTURE_MAX_BYTES) {
        throw new TooLargeException(
            "image", "image must be at most " + ImageLimits.PROFILE_PICTURE_MAX_BYTES + " bytes");
      }
    }
  }
}
