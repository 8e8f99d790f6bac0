package com.customerservice.adapter.persistence;

import static com.customerservice.adapter.persistence.SqlArguments.bytes;
import static com.customerservice.adapter.persistence.SqlArguments.date;
import static com.customerservice.adapter.persistence.SqlArguments.integer;
import static com.customerservice.adapter.persistence.SqlArguments.text;
import static com.customerservice.adapter.persistence.SqlArguments.timestamp;

import com.customerservice.adapter.persistence.crypto.SensitiveColumns;
import com.customerservice.domain.customer.Address;
import com.customerservice.domain.customer.BusinessName;
import com.customerservice.domain.customer.Customer;
import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.customer.CustomerProfile;
import com.customerservice.domain.customer.CustomerSegment;
import com.customerservice.domain.customer.CustomerStatus;
import com.customerservice.domain.customer.Email;
import com.customerservice.domain.customer.FirstName;
import com.customerservice.domain.customer.GovernmentIds;
import com.customerservice.domain.customer.KycStatus;
import com.customerservice.domain.customer.LastName;
import com.customerservice.domain.customer.Nationality;
import com.customerservice.domain.customer.PhoneNumber;
import com.customerservice.domain.customer.QrcodeId;
import com.customerservice.domain.customer.SensitiveId;
import com.customerservice.domain.customer.Sex;
import com.customerservice.domain.file.Bucket;
import com.customerservice.domain.file.FileId;
import com.customerservice.domain.file.FileRef;
import com.customerservice.domain.kyc.KycCase;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.Update;

/**
 * The customer table, written once: each column with how a customer's value is bound to it, and the
 * row read back. The select list, the insert and the versioned update are made from {@link
 * #COLUMNS}; adding a field is a line here (and a migration). Government ids are sealed with the
 * key set, bound to their row and column; they are read back sealed and opened only when a use case
 * reveals them.
 */
final class CustomerTable implements RowMapper<Customer> {
  static final String NAME = "customer";

  /** A column, whether an update may change it, and the value a customer binds to it. */
  private record Column(
      String name, boolean updatable, BiFunction<Customer, SensitiveColumns, Argument> value) {}

  private static Column fixed(String name, Function<Customer, Argument> value) {
    return new Column(name, false, (c, sensitive) -> value.apply(c));
  }

  private static Column column(String name, Function<Customer, Argument> value) {
    return new Column(name, true, (c, sensitive) -> value.apply(c));
  }

  private static Column sealed(String name, Function<GovernmentIds, SensitiveId> id) {
    return new Column(
        name,
        true,
        (c, sensitive) ->
            bytes(sensitive.seal(id.apply(c.governmentIds()), NAME, c.id().value(), name)));
  }

  private static final List<Column> COLUMNS =
      List.of(
          fixed("id", c -> text(c.id().value())),
          fixed("phone", c -> text(c.phone().e164())),
          column("status", c -> text(c.status().code())),
          column("kyc_status", c -> text(c.kyc().status().code())),
          column("failed_selfies", c -> integer(c.kyc().failedAttempts())),
          column("first_name", c -> text(value(c.profile().firstName()))),
          column("last_name", c -> text(value(c.profile().lastName()))),
          column("email", c -> text(value(c.profile().email()))),
          column("business_name", c -> text(value(c.profile().businessName()))),
          column("address_street", c -> text(address(c, Address::street))),
          column("address_city", c -> text(address(c, Address::city))),
          column("address_country", c -> text(address(c, Address::country))),
          column("address_postal_code", c -> text(address(c, Address::postalCode))),
          column("nationality", c -> text(value(c.profile().nationality()))),
          column("sex", c -> text(c.profile().sex() == null ? null : c.profile().sex().code())),
          column("date_of_birth", c -> date(c.profile().dateOfBirth())),
          column("customer_segment", c -> text(c.profile().segment().code())),
          column("qrcode_id", c -> text(value(c.profile().qrcodeId()))),
          sealed("nationality_id", GovernmentIds::nationalityId),
          sealed("tax_id", GovernmentIds::taxId),
          sealed("nuib", GovernmentIds::nuib),
          column(
              "profile_picture_id",
              c -> text(c.profilePicture() == null ? null : c.profilePicture().fileId().value())),
          fixed("created_at", c -> timestamp(c.createdAt())),
          column("updated_at", c -> timestamp(c.updatedAt())));

  /** Every column, for a select list. */
  static final String SELECT_LIST =
      COLUMNS.stream().map(Column::name).collect(Collectors.joining(", ")) + ", version";

  /** The columns and parameters of a new row (at version 1). */
  static final String INSERT_COLUMNS = SELECT_LIST;

  static final String INSERT_VALUES =
      COLUMNS.stream().map(c -> ":" + c.name()).collect(Collectors.joining(", ")) + ", 1";

  /** A change made from the version the customer was read at, or nothing. */
  static final String UPDATE =
      "UPDATE customer SET "
          + COLUMNS.stream()
              .filter(Column::updatable)
              .map(c -> c.name() + " = :" + c.name())
              .collect(Collectors.joining(", "))
          + ", version = version + 1 WHERE id = :id AND version = :version";

  private final SensitiveColumns sensitive;

  CustomerTable(SensitiveColumns sensitive) {
    this.sensitive = sensitive;
  }

  /** Binds every column of {@code customer} for {@link #INSERT_VALUES}. */
  Update bindNew(Update statement, Customer customer) {
    for (Column column : COLUMNS) {
      statement.bind(column.name(), column.value().apply(customer, sensitive));
    }
    return statement;
  }

  /** Binds what {@link #UPDATE} changes, and the row and version it changes them at. */
  Update bindChange(Update statement, Customer customer) {
    for (Column column : COLUMNS) {
      if (column.updatable()) {
        statement.bind(column.name(), column.value().apply(customer, sensitive));
      }
    }
    return statement
        .bind("id", text(customer.id().value()))
        .bind("version", SqlArguments.bigint(customer.version()));
  }

  /** Reads a row by hand (no reflection), the government ids left sealed. */
  @Override
  public Customer map(ResultSet rs, StatementContext ctx) throws SQLException {
    String id = rs.getString("id");
    String street = rs.getString("address_street");
    Address address =
        street == null
            ? null
            : new Address(
                street,
                rs.getString("address_city"),
                rs.getString("address_country"),
                rs.getString("address_postal_code"));
    CustomerProfile profile =
        new CustomerProfile(
            read(rs, "first_name", FirstName::new),
            read(rs, "last_name", LastName::new),
            read(rs, "email", Email::new),
            read(rs, "business_name", BusinessName::new),
            address,
            read(rs, "nationality", Nationality::new),
            read(rs, "sex", Sex::fromCode),
            SqlTypes.date(rs, "date_of_birth"),
            CustomerSegment.fromCode(rs.getString("customer_segment")),
            read(rs, "qrcode_id", QrcodeId::new));
    GovernmentIds ids =
        new GovernmentIds(
            sensitive.open(rs.getBytes("nationality_id"), NAME, id, "nationality_id"),
            sensitive.open(rs.getBytes("tax_id"), NAME, id, "tax_id"),
            sensitive.open(rs.getBytes("nuib"), NAME, id, "nuib"));
    return Customer.restore(
            new CustomerId(id),
            new PhoneNumber(rs.getString("phone")),
            SqlTypes.instant(rs, "created_at"))
        .profile(profile)
        .governmentIds(ids)
        .kyc(
            new KycCase(
                KycStatus.fromCode(rs.getString("kyc_status")), rs.getInt("failed_selfies")))
        .status(CustomerStatus.fromCode(rs.getString("status")))
        .profilePicture(
            read(rs, "profile_picture_id", v -> new FileRef(new FileId(v), Bucket.PROFILES)))
        .updatedAt(SqlTypes.instant(rs, "updated_at"))
        .version(rs.getLong("version"))
        .build();
  }

  private static <T> T read(ResultSet rs, String column, Function<String, T> make)
      throws SQLException {
    String value = rs.getString(column);
    return value == null ? null : make.apply(value);
  }

  private static String value(Object valueObject) {
    return valueObject == null ? null : valueObject.toString();
  }

  private static String address(Customer c, Function<Address, String> part) {
    Address a = c.profile().address();
    return a == null ? null : part.apply(a);
  }
}
