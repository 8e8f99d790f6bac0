package com.customerservice.adapter.persistence;

import static com.customerservice.adapter.persistence.SqlArguments.text;

import com.customerservice.adapter.persistence.crypto.SensitiveColumns;
import com.customerservice.domain.customer.Customer;
import com.customerservice.domain.customer.CustomerFilter;
import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.customer.CustomerPage;
import com.customerservice.domain.customer.CustomerQuery;
import com.customerservice.domain.customer.PhoneNumber;
import com.customerservice.domain.error.ConflictException;
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
  public void insert(Customer customer) {
    db.withHandle(h -> table.bindNew(h.createUpdate(INSERT), customer).execute());
  }

  @Override
  public Customer update(Customer changed) {
    int rows =
        db.withHandle(
            h -> table.bindChange(h.createUpdate(CustomerTable.UPDATE), changed).execute());
    if (rows != 1) {
      throw ConflictException.concurrentModification();
    }
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
    // Fixed fragments only; every value is a bound parameter.
    StringBuilder sql = new StringBuilder(SELECT);
    if (filter.kycStatus() != null) {
      sql.append(" AND kyc_status = :kyc_status");
    }
    if (filter.createdAfter() != null) {
      sql.append(" AND created_at > :created_after");
    }
    if (filter.createdBefore() != null) {
      sql.append(" AND created_at < :created_before");
    }
    query.after().ifPresent(c -> sql.append(" AND (created_at, id) < (:cursor_at, :cursor_id)"));
    sql.append(" ORDER BY created_at DESC, id DESC LIMIT :limit");
    List<Customer> rows =
        db.withHandle(
            h -> {
              var q = h.createQuery(sql.toString()).bind("limit", query.limit() + 1);
              if (filter.kycStatus() != null) {
                q.bind("kyc_status", filter.kycStatus().code());
              }
              if (filter.createdAfter() != null) {
                q.bind("created_after", SqlTypes.utc(filter.createdAfter()));
              }
              if (filter.createdBefore() != null) {
                q.bind("created_before", SqlTypes.utc(filter.createdBefore()));
              }
              query
                  .after()
                  .ifPresent(
                      c ->
                          q.bind("cursor_at", SqlTypes.utc(c.createdAt()))
                              .bind("cursor_id", c.id().value()));
              return q.map(table).list();
            });
    return CustomerPage.fromOverfetch(rows, query.limit());
  }
}
