package com.customerservice.application.service;

import com.customerservice.application.port.in.ChangeProfilePictureUseCase;
import com.customerservice.domain.customer.Customer;
import com.customerservice.domain.file.Bucket;
import com.customerservice.domain.file.FileId;
import com.customerservice.domain.file.Image;
import com.customerservice.domain.file.StoredFile;
import com.customerservice.domain.port.CustomerRepository;
import com.customerservice.domain.port.DocumentStore;
import com.customerservice.domain.port.UnitOfWork;
import com.customerservice.domain.shared.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Stores a re-encoded, bounded copy of the picture (no EXIF or GPS), points the customer at it and
 * deletes the picture it replaces, all in one transaction: a replaced picture is never served
 * again.
 */
public final class ChangeProfilePictureService implements ChangeProfilePictureUseCase {
  private final CustomerRepository customers;
  private final DocumentStore store;
  private final UnitOfWork unitOfWork;
  private final RandomGenerator random;
  private final Clock clock;

  public ChangeProfilePictureService(
      CustomerRepository customers,
      DocumentStore store,
      UnitOfWork unitOfWork,
      RandomGenerator random,
      Clock clock) {
    this.customers = customers;
    this.store = store;
    this.unitOfWork = unitOfWork;
    this.random = random;
    this.clock = clock;
  }

  @Override
  public Customer change(Command command) {
    // An unknown customer is refused before the picture is read.
    CustomerLookup.requireActive(customers, command.customerId());
    Image cleaned = command.readPicture();
    return unitOfWork.inTransaction(
        () -> {
          Instant now = Timestamps.now(clock);
          Customer current = CustomerLookup.requireActive(customers, command.customerId());
          StoredFile file =
              StoredFile.of(FileId.KIND.next(random), Bucket.PROFILES, current.id(), cleaned, now);
          store.save(file);
          Customer changed = customers.update(current.changeProfilePicture(file.ref(), now));
          Optional.ofNullable(current.profilePicture())
              .ifPresent(old -> store.delete(old.bucket(), old.fileId()));
          return changed;
        });
  }
}
