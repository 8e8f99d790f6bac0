-- How long a receiver asked us to wait (a 429 or 503 with Retry-After), kept with the try so the
-- log reads as it happened; the retry time it led to is the delivery's next_attempt_at. Versioned
-- 9.1 so it cannot collide with another change's V9.
ALTER TABLE webhook_delivery_attempt ADD COLUMN requested_delay_ms bigint;
