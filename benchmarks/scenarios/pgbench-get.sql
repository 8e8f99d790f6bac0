-- GET customer by id's own SQL, driven by pgbench: what the database alone allows (-D rows=N).
\set r random(1, :rows)
SELECT id, phone, status, kyc_status, failed_selfies, first_name, last_name, email, business_name, address_street, address_city, address_country, address_postal_code, nationality, sex, date_of_birth, customer_segment, qrcode_id, nationality_id, tax_id, nuib, profile_picture_id, created_at, updated_at, version FROM customer WHERE status = 'active' AND id = 'cus_' || lpad(cast(:r as text), 24, '0');
