-- The onboarding flow's own SQL, as the service sends it (one initiate, one verify), driven by
-- pgbench: the rate the database alone allows for this flow, with a client that costs nothing.
-- run.sh runs it against the service's database, so the schema (indexes, constraints) is the real one.
-- Each client numbers its own phones (run.sh starts k at 0), so no two flows share a phone.
\set k :k + 1
\set n :client_id * 100000000 + :k
\set sid random(1, 999999999999999)
\set cid random(1, 999999999999999)
SELECT id, phone, status, kyc_status, failed_selfies, first_name, last_name, email, business_name, address_street, address_city, address_country, address_postal_code, nationality, sex, date_of_birth, customer_segment, qrcode_id, nationality_id, tax_id, nuib, profile_picture_id, created_at, updated_at, version FROM customer WHERE status = 'active' AND phone = '+258' || lpad(cast(:n as text), 11, '0');
BEGIN;
SELECT pg_advisory_xact_lock(hashtextextended('+258' || lpad(cast(:n as text), 11, '0'), 0));
WITH earlier AS (SELECT created_at FROM phone_verification_session WHERE phone = '+258' || lpad(cast(:n as text), 11, '0') AND created_at > now() - interval '1 hour'), inserted AS (INSERT INTO phone_verification_session (id, phone, code_hash, created_at, expires_at, wrong_codes, state, customer_id, version) VALUES ('pvs_' || lpad(cast(:sid as text), 24, '0'), '+258' || lpad(cast(:n as text), 11, '0'), sha256(cast(:sid as text)::bytea), now(), now() + interval '5 minutes', 0, 'pending', NULL, 1)) SELECT created_at FROM earlier;
COMMIT;
SELECT id, phone, code_hash, created_at, expires_at, wrong_codes, state, customer_id, version FROM phone_verification_session WHERE id = 'pvs_' || lpad(cast(:sid as text), 24, '0');
WITH completed AS (UPDATE phone_verification_session SET wrong_codes = 0, state = 'verified', customer_id = 'cus_' || lpad(cast(:cid as text), 24, '0'), version = version + 1 WHERE id = 'pvs_' || lpad(cast(:sid as text), 24, '0') AND version = 1 RETURNING id) INSERT INTO customer (id, phone, status, kyc_status, failed_selfies, first_name, last_name, email, business_name, address_street, address_city, address_country, address_postal_code, nationality, sex, date_of_birth, customer_segment, qrcode_id, nationality_id, tax_id, nuib, profile_picture_id, created_at, updated_at, version) SELECT 'cus_' || lpad(cast(:cid as text), 24, '0'), '+258' || lpad(cast(:n as text), 11, '0'), 'active', 'unverified', 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'personal', NULL, NULL, NULL, NULL, NULL, now(), now(), 1 FROM completed;
