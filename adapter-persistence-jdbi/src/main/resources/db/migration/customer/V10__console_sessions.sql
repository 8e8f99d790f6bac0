-- Sessions of the back-office console. The browser holds a random token; only its SHA-256 is kept
-- here, so a copy of this table opens no session. A session names the API key that signed in (the
-- actor of what its holder does) and the token its forms carry. Expired rows are deleted in batches
-- by the scheduler (and count as signed out before).
CREATE TABLE console_session (
    token_hash  text        PRIMARY KEY,
    key_name    text        NOT NULL,
    csrf_token  text        NOT NULL,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    revoked     boolean     NOT NULL DEFAULT false
);
CREATE INDEX console_session_expiry ON console_session (expires_at);
