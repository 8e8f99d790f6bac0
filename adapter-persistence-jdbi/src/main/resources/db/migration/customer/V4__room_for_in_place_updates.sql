-- Leave a tenth of every page free, so that an update which changes no indexed column (a profile
-- change, a KYC transition, a verification session's outcome) can stay on its page: PostgreSQL
-- then writes no new index entries (a "HOT" update). Full pages sent every such update elsewhere,
-- with a new entry in each of the table's indexes.
ALTER TABLE customer SET (fillfactor = 90);
ALTER TABLE phone_verification_session SET (fillfactor = 90);
