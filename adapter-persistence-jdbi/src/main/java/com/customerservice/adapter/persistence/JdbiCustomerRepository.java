package com.customerservice.adapter.persistence;

import static com.customerservice.adapter.persistence.SqlArguments.bigint;
import static com.customerservice.adapter.persistence.SqlArguments.bytes;
import static com.customerservice.adapter.persistence.SqlArguments.date;
import static com.customerservice.adapter.persistence.SqlArguments.integer;
import static com.customerservice.adapter.persistence.SqlArguments.text;
import static com.customerservice.adapter.persistence.SqlArguments.timestamp;

import com.customerservice.adapter.persistence.crypto.SensitiveColumns;
import com.customerservice.domain.customer.Address;
import com.customerservice.domain.customer.Customer;
import com.customerservice.domain.customer.CustomerFilter;
import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.customer.CustomerPage;
import com.customerservice.domain.customer.CustomerProfile;
import com.customerservice.domain.customer.CustomerQuery;
import com.customerservice.domain.customer.CustomerStatus;
import com.customerservice.domain.customer.GovernmentIds;
import com.customerservice.domain.customer.PhoneNumber;
import com.customerservice.domain.error.ConflictException;
import com.customerservice.domain.port.CustomerRepository;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.Update;

/**
 * Customers in PostgreSQL. The schema itself holds the rules: a partial unique index keeps one
 * active customer per phone, and every update names the version it was made from.
 */
public final class JdbiCustomerRepository implements CustomerRepository {
  private static final String TABLE = CustomerRowMapper.TABLE;
  private static final String SELECT =
      "SELECT " + CustomerRowMapper.COLUMNS + " FROM customer WHERE status = 'active'";

  /** The columns a new customer row is written with, and their parameters in the same order. */
  static final String INSERT_COLUMNS =
      "id, phone, status, kyc_status, failed_selfies, first_name, last_name, email,"
          + " business_name, address_street, address_city, address_country, address_postal_code,"
          + " nationality, sex, date_of_birth, customer_segment, qrcode_id, nationality_id,"
          + " tax_id, nuib, profile_picture_id, created_at, updated_at, version";

  static final String INSERT_VALUES =
      ":id, :phone, :status, :kyc_status, :failed_selfies, :first_name, :last_name, :email,"
          + " :business_name, :address_street, :address_city, :address_country,"
          + " :address_postal_code, :nationality, :sex, :date_of_birth, :customer_segment,"
          + " :qrcode_id, :nationality_id, :tax_id, :nuib, :profile_picture_id, :created_at,"
          + " :updated_at, 1";

  private static final String INSERT =
      "INSERT INTO customer (" + INSERT_COLUMNS + ") VALUES (" + INSERT_VALUES + ")";

  private static final String UPDATE =
      "UPDATE customer SET status = :status, kyc_status = :kyc_status,"
          + " failed_selfies = :failed_selfies, first_name = :first_name, last_name = :last_name,"
          + " email = :email, business_name = :business_name, address_street = :address_street,"
          + " address_city = :address_city, address_country = :address_country,"
          + " address_postal_code = :address_postal_code, nationality = :nationality, sex = :sex,"
          + " date_of_birth = :date_of_birth, customer_segment = :customer_segment,"
          + " qrcode_id = :qrcode_id, nationality_id = :nationality_id, tax_id = :tax_id,"
          + " nuib = :nuib, profile_picture_id = :profile_picture_id, updated_at = :updated_at,"
          + " version = version + 1"
          + " WHERE id = :id AND version = :version";

  private final JdbiUnitOfWork db;
  private final SensitiveColumns sensitive;
  private final CustomerRowMapper mapper;

  public JdbiCustomerRepository(JdbiUnitOfWork db, SensitiveColumns sensitive) {
    this.db = db;
    this.sensitive = sensitive;
    this.mapper = new CustomerRowMapper(sensitive);
  }

  @Override
  public void insert(Customer customer) {
    db.withHandle(h -> bindNewRow(h.createUpdate(INSERT), customer).execute());
  }

  @Override
  public Customer update(Customer changed) {
    int rows =
        db.withHandle(
            h ->
                bindColumns(h.createUpdate(UPDATE), changed)
                    .bind("version", bigint(changed.version()))
                    .execute());
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
                .map(mapper)
                .findOne());
  }

  @Override
  public Optional<Customer> findActiveByPhone(PhoneNumber phone) {
    return db.withHandle(
        h ->
            h.createQuery(SELECT + " AND phone = :phone")
                .bind("phone", text(phone.e164()))
                .map(mapper)
                .findOne());
  }

  @Override
  public CustomerPage page(CustomerQuery query) {
    CustomerFilter filter = query.filter();
    if (filter.status() == CustomerStatus.CLOSED) {
      return new CustomerPage(List.of(), Optional.empty()); // closed customers are never shown
    }
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
              return q.map(mapper).list();
            });
    return CustomerPage.fromOverfetch(rows, query.limit());
  }

  /** Binds the parameters of {@link #INSERT_VALUES} for {@code customer}, its ids sealed. */
  Update bindNewRow(Update statement, Customer customer) {
    return bindColumns(statement, customer).bind("phone", text(customer.phone().e164()));
  }

  private Update bindColumns(Update statement, Customer c) {
    String id = c.id().value();
    CustomerProfile p = c.profile();
    Address a = p.address();
    GovernmentIds ids = c.governmentIds();
    statement.bind("first_name", text(p.firstName()));
    statement.bind("last_name", text(p.lastName()));
    statement.bind("email", text(p.email() == null ? null : p.email().value()));
    statement.bind("business_name", text(p.businessName()));
    statement.bind("address_street", text(a == null ? null : a.street()));
    statement.bind("address_city", text(a == null ? null : a.city()));
    statement.bind("address_country", text(a == null ? null : a.country()));
    statement.bind("address_postal_code", text(a == null ? null : a.postalCode()));
    statement.bind("nationality", text(p.nationality()));
    statement.bind("sex", text(p.sex() == null ? null : p.sex().code()));
    statement.bind("qrcode_id", text(p.qrcodeId()));
    statement.bind(
        "profile_picture_id",
        text(c.profilePicture() == null ? null : c.profilePicture().fileId().value()));
    return statement
        .bind("id", text(id))
        .bind("status", text(c.status().code()))
        .bind("kyc_status", text(c.kycStatus().code()))
        .bind("failed_selfies", integer(c.failedSelfies()))
        .bind("date_of_birth", date(p.dateOfBirth()))
        .bind("customer_segment", text(p.segment().code()))
        .bind(
            "nationality_id",
            bytes(sensitive.seal(ids.nationalityId(), TABLE, id, "nationality_id")))
        .bind("tax_id", bytes(sensitive.seal(ids.taxId(), TABLE, id, "tax_id")))
        .bind("nuib", bytes(sensitive.seal(ids.nuib(), TABLE, id, "nuib")))
        .bind("created_at", timestamp(c.createdAt()))
        .bind("updated_at", timestamp(c.updatedAt()));
  }
}
