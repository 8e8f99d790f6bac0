-- The kept answer of an idempotent request is opaque to the store: `answer` is what the adapter
-- that gave it wrote down to give it again (for the HTTP adapter: a JSON of the status, the kept
-- headers and, for an answer rendered again, its reference), `body` its body, encrypted as before
-- (same column, same associated data, so nothing is re-encrypted). A row without `answer` is a
-- running request. Rows answered before this migration are rewritten in the HTTP adapter's shape,
-- so that their retries still replay during the 24 hours they are kept.
ALTER TABLE idempotency_key ADD COLUMN answer text;
UPDATE idempotency_key
   SET answer = json_build_object(
           'status', status,
           'headers', COALESCE(headers, '{}'::jsonb),
           'rerender', CASE WHEN rerender LIKE 'kyc_document:%'
                            THEN substr(rerender, length('kyc_document:') + 1)
                            ELSE rerender END)::text
 WHERE status IS NOT NULL;
ALTER TABLE idempotency_key DROP COLUMN status, DROP COLUMN headers, DROP COLUMN rerender;
