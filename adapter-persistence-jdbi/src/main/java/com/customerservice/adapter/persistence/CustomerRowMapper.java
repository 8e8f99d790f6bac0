package com.customerservice.adapter.persistence;

import com.customerservice.adapter.persistence.crypto.SensitiveColumns;
import com.customerservice.domain.customer.Address;
import com.customerservice.domain.customer.Customer;
import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.customer.CustomerProfile;
import com.customerservice.domain.customer.CustomerSegment;
import com.customerservice.domain.customer.CustomerStatus;
import com.customerservice.domain.customer.Email;
import com.customerservice.domain.customer.GovernmentIds;
import com.customerservice.domain.customer.KycStatus;
import com.customerservice.domain.customer.PhoneNumber;
import com.customerservice.domain.customer.Sex;
import com.customerservice.domain.file.Bucket;
import com.customerservice.domain.file.FileId;
import com.customerservice.domain.file.FileRef;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Reads a customer row by hand (no reflection), leaving the government identifiers encrypted until
 * a use case reveals them.
 */
final class CustomerRowMapper implements RowMapper<Customer> {
  static final String TABLE = "customer";
  static final String COLUMNS =
      "id, phone, status, kyc_status, failed_selfies, first_name, last_name, email, business_name,"
          + " address_street, address_city, address_country, address_postal_code, nationality, sex,"
          + " date_of_birth, customer_segment, qrcode_id, nationality_id, tax_id, nuib,"
          + " profile_picture_id, created_at, updated_at, version";

  private final SensitiveColumns sensitive;

  CustomerRowMapper(SensitiveColumns sensitive) {
    this.sensitive = sensitive;
  }

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
    String email = rs.getString("email");
    String sex = rs.getString("sex");
    CustomerProfile profile =
        new CustomerProfile(
            rs.getString("first_name"),
            rs.getString("last_name"),
            email == null ? null : new Email(email),
            rs.getString("business_name"),
            address,
            rs.getString("nationality"),
            sex == null ? null : Sex.fromCode(sex),
            SqlTypes.date(rs, "date_of_birth"),
            CustomerSegment.fromCode(rs.getString("customer_segment")),
            rs.getString("qrcode_id"));
    GovernmentIds ids =
        new GovernmentIds(
            sensitive.open(rs.getBytes("nationality_id"), TABLE, id, "nationality_id"),
            sensitive.open(rs.getBytes("tax_id"), TABLE, id, "tax_id"),
            sensitive.open(rs.getBytes("nuib"), TABLE, id, "nuib"));
    String pictureId = rs.getString("profile_picture_id");
    return Customer.restore(
        new CustomerId(id),
        new PhoneNumber(rs.getString("phone")),
        profile,
        ids,
        KycStatus.fromCode(rs.getString("kyc_status")),
        rs.getInt("failed_selfies"),
        CustomerStatus.fromCode(rs.getString("status")),
        pictureId == null ? null : new FileRef(new FileId(pictureId), Bucket.PROFILES),
        SqlTypes.instant(rs, "created_at"),
        SqlTypes.instant(rs, "updated_at"),
        rs.getLong("version"));
  }
}
