package com.customerservice.testkit.memory;

import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.file.FileId;
import com.customerservice.domain.port.ConsoleSessionStore;
import com.customerservice.domain.port.CustomerRepository;
import com.customerservice.domain.port.DocumentStore;
import com.customerservice.domain.port.IdempotencyStore;
import com.customerservice.domain.port.KycRecordRepository;
import com.customerservice.domain.port.PhoneVerificationRepository;
import com.customerservice.domain.port.RateLimiter;
import com.customerservice.domain.port.Storage;
import com.customerservice.domain.port.UnitOfWork;
import com.customerservice.testkit.contract.ConsoleSessionStoreContract;
import com.customerservice.testkit.contract.CustomerRepositoryContract;
import com.customerservice.testkit.contract.DocumentStoreContract;
import com.customerservice.testkit.contract.EventAndWebhookStoreContract;
import com.customerservice.testkit.contract.IdempotencyStoreContract;
import com.customerservice.testkit.contract.KycCheckRepositoryContract;
import com.customerservice.testkit.contract.KycRecordRepositoryContract;
import com.customerservice.testkit.contract.KycReviewRepositoryContract;
import com.customerservice.testkit.contract.PhoneVerificationRepositoryContract;
import com.customerservice.testkit.contract.RateLimiterContract;
import java.security.SecureRandom;
import java.time.Clock;
import org.junit.jupiter.api.Nested;

/** The port contracts, run against the in-memory implementations. */
class InMemoryPortsContractTest {
  private static final SecureRandom RANDOM = new SecureRandom();

  @Nested
  class Customers extends CustomerRepositoryContract {
    private final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
    private final InMemoryCustomerRepository repository =
        new InMemoryCustomerRepository(unitOfWork, new InMemoryEventLog(unitOfWork));

    @Override
    protected CustomerRepository repository() {
      return repository;
    }

    @Override
    protected UnitOfWork unitOfWork() {
      return unitOfWork;
    }
  }

  @Nested
  class Sessions extends PhoneVerificationRepositoryContract {
    private final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
    private final InMemoryCustomerRepository customers =
        new InMemoryCustomerRepository(unitOfWork, new InMemoryEventLog(unitOfWork));
    private final InMemoryPhoneVerificationRepository repository =
        new InMemoryPhoneVerificationRepository(unitOfWork, customers);

    @Override
    protected CustomerRepository customers() {
      return customers;
    }

    @Override
    protected PhoneVerificationRepository repository() {
      return repository;
    }

    @Override
    protected UnitOfWork unitOfWork() {
      return unitOfWork;
    }
  }

  @Nested
  class Files extends DocumentStoreContract {
    private final InMemoryDocumentStore store = new InMemoryDocumentStore(new InMemoryUnitOfWork());
    private final CustomerId owner = CustomerId.KIND.next(RANDOM);

    @Override
    protected DocumentStore store() {
      return store;
    }

    @Override
    protected CustomerId owner() {
      return owner;
    }
  }

  @Nested
  class KycRecords extends KycRecordRepositoryContract {
    private final InMemoryKycRecordRepository repository =
        new InMemoryKycRecordRepository(new InMemoryUnitOfWork());
    private final CustomerId owner = CustomerId.KIND.next(RANDOM);

    @Override
    protected KycRecordRepository repository() {
      return repository;
    }

    @Override
    protected CustomerId owner() {
      return owner;
    }

    @Override
    protected FileId storedFile() {
      return FileId.KIND.next(RANDOM);
    }
  }

  @Nested
  class KycChecks extends KycCheckRepositoryContract {
    private final InMemoryStorage storage = new InMemoryStorage(Clock.systemUTC());

    @Override
    protected Storage storage() {
      return storage;
    }
  }

  @Nested
  class KycReviews extends KycReviewRepositoryContract {
    private final InMemoryStorage storage = new InMemoryStorage(Clock.systemUTC());

    @Override
    protected Storage storage() {
      return storage;
    }
  }

  @Nested
  class EventsAndWebhooks extends EventAndWebhookStoreContract {
    private final InMemoryStorage storage = new InMemoryStorage(java.time.Clock.systemUTC());

    @Override
    protected Storage storage() {
      return storage;
    }
  }

  @Nested
  class Idempotency extends IdempotencyStoreContract {
    private final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore();

    @Override
    protected IdempotencyStore store() {
      return store;
    }
  }

  @Nested
  class Limits extends RateLimiterContract {
    private final InMemoryRateLimiter limiter =
        new InMemoryRateLimiter(java.time.Clock.systemUTC());

    @Override
    protected RateLimiter limiter() {
      return limiter;
    }
  }

  @Nested
  class ConsoleSessions extends ConsoleSessionStoreContract {
    private final InMemoryConsoleSessions store = new InMemoryConsoleSessions();

    @Override
    protected ConsoleSessionStore store() {
      return store;
    }
  }
}
