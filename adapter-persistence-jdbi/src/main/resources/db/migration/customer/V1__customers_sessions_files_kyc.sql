-- Customers. Closed customers stay (compliance) but every read filters on status = 'active'.
-- The three government identifiers hold Tink AEAD ciphertexts bound to (customer id, column).
CREATE TABLE customer (
    id                  text        PRIMARY KEY CHECK (id ~ '^cus_[A-Za-z0-9]{24}$'),
    phone               text        NOT NULL CHECK (phone ~ '^\+[1-9][0-9]{7,14}$'),
    status              text        NOT NULL CHECK (status IN ('active', 'closed')),
    kyc_status          text        NOT NULL CHECK (kyc_status IN ('unverified', 'pending', 'verified', 'rejected')),
    failed_selfies      integer     NOT NULL DEFAULT 0 CHECK (failed_selfies >= 0),
    first_name          text,
    last_name           text,
    email               text,
    business_name       text,
    address_street      text,
    address_city        text,
    address_country     text,
    address_postal_code text,
    nationality         text,
    sex                 text        CHECK (sex IN ('M', 'F')),
    date_of_birth       date,
    customer_segment    text        NOT NULL CHECK (customer_segment IN ('personal', 'business')),
    qrcode_id           text,
    nationality_id      bytea,
    tax_id              bytea,
    nuib                bytea,
    profile_picture_id  text,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    version             bigint      NOT NULL CHECK (version > 0),
    -- An address is whole or absent.
    CHECK ((address_street IS NULL) = (address_city IS NULL)
       AND (address_street IS NULL) = (address_country IS NULL)),
    CHECK (updated_at >= created_at)
);

-- One active customer per phone; a closed customer's phone may register again.
CREATE UNIQUE INDEX customer_active_phone_key ON customer (phone) WHERE status = 'active';

-- Keyset pagination, newest first, over active customers (optionally by KYC status).
CREATE INDEX customer_active_created_idx ON customer (created_at DESC, id DESC) WHERE status = 'active';
CREATE INDEX customer_active_kyc_created_idx ON customer (kyc_status, created_at DESC, id DESC) WHERE status = 'active';

-- Phone verification sessions: the state the OTP rules and the rate limits need, shared by every
-- instance of the service. code_hash is an HMAC bound to the session id; the code is never stored.
CREATE TABLE phone_verification_session (
    id          text        PRIMARY KEY CHECK (id ~ '^pvs_[A-Za-z0-9]{24}$'),
    phone       text        NOT NULL,
    code_hash   bytea       NOT NULL,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL CHECK (expires_at > created_at),
    wrong_codes integer     NOT NULL CHECK (wrong_codes BETWEEN 0 AND 5),
    state       text        NOT NULL CHECK (state IN ('pending', 'verified', 'locked')),
    customer_id text        REFERENCES customer (id),
    version     bigint      NOT NULL CHECK (version > 0),
    CHECK ((state = 'verified') = (customer_id IS NOT NULL))
);

-- The rate limits count a phone's sessions of the last hour.
CREATE INDEX phone_verification_session_phone_idx ON phone_verification_session (phone, created_at);

-- Images (profile pictures, document pages, selfies), encrypted with Tink AEAD bound to
-- (file id, bucket, owner).
CREATE TABLE stored_file (
    id          text        PRIMARY KEY CHECK (id ~ '^file_[A-Za-z0-9]{24}$'),
    bucket      text        NOT NULL CHECK (bucket IN ('profiles', 'documents', 'selfies')),
    owner_id    text        NOT NULL REFERENCES customer (id),
    media_type  text        NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png')),
    content     bytea       NOT NULL,
    created_at  timestamptz NOT NULL
);

CREATE INDEX stored_file_owner_idx ON stored_file (owner_id);

ALTER TABLE customer
    ADD CONSTRAINT customer_profile_picture_fk FOREIGN KEY (profile_picture_id) REFERENCES stored_file (id)
    DEFERRABLE INITIALLY DEFERRED;

-- Accepted identity documents. id_number is a Tink AEAD ciphertext bound to (reference, column).
CREATE TABLE kyc_document (
    reference     text        PRIMARY KEY CHECK (reference ~ '^ref_[A-Za-z0-9]{24}$'),
    customer_id   text        NOT NULL REFERENCES customer (id),
    document_type text        NOT NULL,
    given_names   text        NOT NULL,
    surname       text        NOT NULL,
    date_of_birth date,
    id_number     bytea       NOT NULL,
    issued_at     date,
    expires_at    date,
    address       text,
    front_file_id text        NOT NULL REFERENCES stored_file (id),
    back_file_id  text        REFERENCES stored_file (id),
    vendor_job_id text        NOT NULL,
    created_at    timestamptz NOT NULL
);

CREATE INDEX kyc_document_customer_idx ON kyc_document (customer_id);

-- Every selfie checked against a document, as evidence of the KYC decision.
CREATE TABLE selfie_attempt (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reference      text        NOT NULL REFERENCES kyc_document (reference),
    customer_id    text        NOT NULL REFERENCES customer (id),
    result         text        NOT NULL CHECK (result IN ('match', 'not_live', 'face_mismatch', 'processing_error')),
    selfie_file_id text        NOT NULL REFERENCES stored_file (id),
    vendor_job_id  text        NOT NULL,
    attempted_at   timestamptz NOT NULL
);

CREATE INDEX selfie_attempt_reference_idx ON selfie_attempt (reference);
