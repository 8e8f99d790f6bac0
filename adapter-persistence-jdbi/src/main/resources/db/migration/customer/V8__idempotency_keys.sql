-- Idempotency keys: one row per (caller, key). A row without a status is a running request whose
-- claim lapses at locked_until; a row with one holds the first answer, given to every retry until
-- expires_at. The body is encrypted like the other sensitive columns (it may hold a revealed id
-- number or, in a sandbox, an OTP); bodies too large to keep twice are rendered again from
-- `rerender`. Expired rows are deleted in batches by the scheduler (and count as absent before).
CREATE TABLE idempotency_key (
    scope           text        NOT NULL,
    key             text        NOT NULL,
    fingerprint     text        NOT NULL,
    token           text        NOT NULL,
    locked_until    timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    status          integer,
    headers         jsonb,
    body            bytea,
    rerender        text,
    PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_key_expiry ON idempotency_key (expires_at);
