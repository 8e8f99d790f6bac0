-- One value encrypted with the key set the database was first opened with. At start-up the
-- service decrypts it: a wrong key set refuses to start instead of serving garbage.
CREATE TABLE keyset_canary (
    id         integer     PRIMARY KEY CHECK (id = 1),
    ciphertext bytea       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
