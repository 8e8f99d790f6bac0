-- Rate-limit budgets shared by every instance (Bucket4j's token buckets, its serialised state).
-- One row per budget and caller (an API key's name, or the whole service): the rows are as few as
-- the configured keys, so the table never grows with traffic.
CREATE TABLE rate_limit_bucket (
    id    text  PRIMARY KEY,
    state bytea
);
