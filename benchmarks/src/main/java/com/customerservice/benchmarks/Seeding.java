package com.customerservice.benchmarks;

import com.customerservice.adapter.persistence.PostgresDatabase;
import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.customer.PhoneNumber;
import org.jdbi.v3.core.Jdbi;

/**
 * Seeds customers fast, in the database itself (one INSERT … SELECT over generate_series), not
 * through a million requests. Ids and phones are a function of the row number, so benchmarks can
 * name any seeded customer.
 */
public final class Seeding {
  private Seeding() {}

  public static CustomerId id(int n) {
    return new CustomerId("cus_" + String.format("%024d", n));
  }

  public static PhoneNumber phone(int n) {
    return new PhoneNumber(String.format("+25882%07d", n));
  }

  /** Makes the table hold at least {@code rows} seeded customers; rows seeded before are kept. */
  public static void seed(PostgresDatabase database, int rows) {
    Jdbi jdbi = Jdbi.create(database.dataSource());
    int have =
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT count(*) FROM customer WHERE id LIKE 'cus_0%'")
                    .mapTo(Integer.class)
                    .one());
    if (have >= rows) {
      return;
    }
    jdbi.useHandle(
        h -> {
          h.createUpdate(
                  "INSERT INTO customer (id, phone, status, kyc_status, failed_selfies, first_name,"
                      + " last_name, customer_segment, created_at, updated_at, version)"
                      + " SELECT 'cus_' || lpad(g::text, 24, '0'), '+25882' || lpad(g::text, 7, '0'),"
                      + " 'active', CASE WHEN g % 20 = 0 THEN 'pending' ELSE 'unverified' END, 0,"
                      + " 'First' || g, 'Last' || g, 'personal',"
                      + " timestamptz '2025-01-01' + g * interval '1 second',"
                      + " timestamptz '2025-01-01' + g * interval '1 second', 1"
                      + " FROM generate_series(:from, :to) AS g ON CONFLICT DO NOTHING")
              .bind("from", have + 1)
              .bind("to", rows)
              .execute();
          h.execute("ANALYZE customer");
        });
  }
}
