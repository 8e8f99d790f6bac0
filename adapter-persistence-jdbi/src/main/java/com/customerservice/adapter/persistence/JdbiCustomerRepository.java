package com.customerservice.adapter.persistence;

import static com.customerservice.adapter.persistence.SqlArguments.text;

import com.customerservice.adapter.persistence.crypto.SensitiveColumns;
import com.customerservice.domain.customer.Customer;
import com.customerservice.domain.customer.CustomerFilter;
import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.customer.CustomerPage;
import com.customerservice.domain.customer.CustomerQuery;
import com.customerservice.domain.customer.PhoneNumber;
import com.customerservice.domain.event.CustomerEvent;
import com.customerservice.domain.port.CustomerRepository;
import java.util.List;
import java.util.Optional;

/**
 * Customers in PostgreSQL. The schema itself holds the rules: a partial unique index keeps one
 * active customer per phone, and every update names the version it was made from. The columns are
 * {@link CustomerTable}'s.
 */
public final class JdbiCustomerRepository implements CustomerRepository {
  private static final String SELECT =
      "SELECT " + CustomerTable.SELECT_LIST + " FROM customer WHERE status = 'active'";

  private static final String INSERT =
      "INSERT INTO customer ("
          + CustomerTable.INSERT_COLUMNS
          + ") VALUES ("
          + CustomerTable.INSERT_VALUES
          + ")";

  private final JdbiUnitOfWork db;
  private final CustomerTable table;

  public JdbiCustomerRepository(JdbiUnitOfWork db, SensitiveColumns sensitive) {
    this.db = db;
    this.table = new CustomerTable(sensitive);
  }

  /** The table's columns, for statements of other repositories that write customers. */
  CustomerTable table() {
    return table;
  }

  @Override
  public void insert(Customer customer, List<CustomerEvent> events) {
    db.withHandle(h -> EventRows.write(h, INSERT, s -> table.bindNew(s, customer), events));
  }

  @Override
  public Customer update(Customer changed, List<CustomerEvent> events) {
    EventRows.versioned(db, CustomerTable.UPDATE, s -> table.bindChange(s, changed), events);
    return changed.atVersion(changed.version() + 1);
  }

  @Override
  public Optional<Customer> findActive(CustomerId id) {
    return db.withHandle(
        h ->
            h.createQuery(SELECT + " AND id = :id")
                .bind("id", text(id.value()))
                .map(table)
                .findOne());
  }

  @Override
  public boolean exists(CustomerId id) {
    return db.withHandle(
        h ->
            h.createQuery("SELECT EXISTS (SELECT 1 FROM customer WHERE id = :id)")
                .bind("id", text(id.value()))
                .mapTo(Boolean.class)
                .one());
  }

  @Override
  public Optional<Customer> findActiveByPhone(PhoneNumber phone) {
    return db.withHandle(
        h ->
            h.createQuery(SELECT + " AND phone = :phone")
                .bind("phone", text(phone.e164()))
                .map(table)
                .findOne());
  }

  @Override
  public CustomerPage page(CustomerQuery query) {
    CustomerFilter filter = query.filter(); // never closed customers: the filter refuses them
    NewestFirst page =
        new NewestFirst(SELECT)
            .and(
                "kyc_status = :kyc_status",
                "kyc_status",
                filter.kycStatus() == null ? null : filter.kycStatus().code())
            .and("created_at > :created_after", "created_after", filter.createdAfter())
            .and("created_at < :created_before", "created_before", filter.createdBefore());
    query.after().ifPresent(c -> page.after(c.createdAt(), c.id().value()));
    List<Customer> rows = db.withHandle(h -> page.list(h, query.limit(), table));
    return CustomerPage.fromOverfetch(rows, query.limit());
  }
}
