package com.customerservice.adapter.persistence;

import static com.customerservice.domain.fixtures.CustomerBuilder.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;

import com.customerservice.domain.customer.Customer;
import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.error.RateLimitedException;
import com.customerservice.domain.file.Bucket;
import com.customerservice.domain.file.FileId;
import com.customerservice.domain.file.ImageType;
import com.customerservice.domain.file.StoredFile;
import com.customerservice.domain.fixtures.TestImages;
import com.customerservice.domain.limit.RateLimit;
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
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The port contracts of the application, run against PostgreSQL (one schema for this class). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresPortsContractIT {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final PostgresDatabase database = TestDatabase.fresh();

  @AfterAll
  void close() {
    database.close();
  }

  /** A stored customer for files and documents to belong to. */
  private CustomerId storedCustomer() {
    Customer customer = aCustomer().build();
    database.customers().insert(customer);
    return customer.id();
  }

  @Nested
  class Customers extends CustomerRepositoryContract {
    @Override
    protected CustomerRepository repository() {
      return database.customers();
    }

    @Override
    protected UnitOfWork unitOfWork() {
      return database.unitOfWork();
    }
  }

  @Nested
  class Sessions extends PhoneVerificationRepositoryContract {
    @Override
    protected PhoneVerificationRepository repository() {
      return database.sessions();
    }

    @Override
    protected CustomerId existingCustomer() {
      return storedCustomer();
    }

    @Override
    protected CustomerRepository customers() {
      return database.customers();
    }

    @Override
    protected UnitOfWork unitOfWork() {
      return database.unitOfWork();
    }
  }

  @Nested
  class Files extends DocumentStoreContract {
    private final CustomerId owner = storedCustomer();

    @Override
    protected DocumentStore store() {
      return database.documents();
    }

    @Override
    protected CustomerId owner() {
      return owner;
    }
  }

  @Nested
  class KycRecords extends KycRecordRepositoryContract {
    private final CustomerId owner = storedCustomer();

    @Override
    protected KycRecordRepository repository() {
      return database.kycRecords();
    }

    @Override
    protected CustomerId owner() {
      return owner;
    }

    @Override
    protected FileId storedFile() {
      StoredFile file =
          new StoredFile(
              FileId.KIND.next(RANDOM),
              Bucket.DOCUMENTS,
              owner,
              ImageType.PNG,
              TestImages.png(4, 4),
              Instant.parse("2026-03-01T08:00:00Z"));
      database.documents().save(file);
      return file.id();
    }
  }

  @Nested
  class KycChecks extends KycCheckRepositoryContract {
    @Override
    protected Storage storage() {
      return database;
    }
  }

  @Nested
  class KycReviews extends KycReviewRepositoryContract {
    @Override
    protected Storage storage() {
      return database;
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class Idempotency extends IdempotencyStoreContract {
    private final PostgresDatabase fresh = TestDatabase.fresh();

    @Override
    protected IdempotencyStore store() {
      return fresh.idempotency();
    }

    @AfterAll
    void closeFresh() {
      fresh.close();
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class EventsAndWebhooks extends EventAndWebhookStoreContract {
    private final PostgresDatabase fresh = TestDatabase.fresh();

    @Override
    protected Storage storage() {
      return fresh;
    }

    @AfterAll
    void closeFresh() {
      fresh.close();
    }
  }

  @Nested
  class ConsoleSessions extends ConsoleSessionStoreContract {
    @Override
    protected ConsoleSessionStore store() {
      return database.consoleSessions();
    }
  }

  @Nested
  class Limits extends RateLimiterContract {
    @Override
    protected RateLimiter limiter() {
      return database.rateLimiter();
    }

    @Test
    void aBudgetIsSharedByInstancesOnOneDatabaseAlsoWhenServedFromMemory() {
      RateLimit hot = RateLimit.perSecond("contract_hot", 1, 20, "Hot");
      var otherInstance = new PostgresRateLimiter(database.dataSource());
      for (int i = 0; i < 20; i++) {
        database.rateLimiter().acquire(hot, "shared");
      }
      // Served from memory, a budget is synchronised at least every tenth of it (2 here) or
      // every 100 ms: the other instance can overspend by that tenth, plus what refilled.
      int granted = 0;
      for (int i = 0; i < 10; i++) {
        try {
          otherInstance.acquire(hot, "shared");
          granted++;
        } catch (RateLimitedException refused) {
          // the shared budget is spent
        }
      }
      assertThat(granted).isLessThanOrEqualTo(3);
    }
  }
}
