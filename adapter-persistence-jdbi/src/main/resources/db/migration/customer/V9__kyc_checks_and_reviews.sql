-- A vendor may now decide a selfie long after the request that sent it (a callback, a poll, the
-- deadline, a person), so each selfie sent is a KYC check with a lifecycle, found again by its
-- vendor's job, and a check a vendor leaves to people is a review. Both tables hold the rules a
-- second instance must not break: the keys below, and a version that makes each verdict apply once.
--
-- Ids are compared byte by byte (COLLATE "C"), as the service compares them, so a keyset position
-- means the same in any database locale and pages never skip or repeat a row.
--
-- Findings are the vendor's own words for the reviewer, in the vendor's order: json keeps the text
-- as written (jsonb would sort the keys), and nothing queries inside it. They never hold what the
-- vendor read off the document, so nothing here is encrypted.
CREATE TABLE kyc_check (
    id                 text COLLATE "C" PRIMARY KEY CHECK (id ~ '^kyc_[A-Za-z0-9]{24}$'),
    customer_id        text        NOT NULL REFERENCES customer (id),
    document_reference text        NOT NULL REFERENCES kyc_document (reference),
    vendor             text        NOT NULL,
    vendor_job         text        NOT NULL,
    vendor_subject     text,
    selfie_file_id     text        NOT NULL REFERENCES stored_file (id),
    status             text        NOT NULL CHECK (status IN ('pending', 'decided', 'in_review', 'expired')),
    result             text        CHECK (result IN ('verified', 'match', 'live', 'document')),
    findings           json        NOT NULL,
    submitted_at       timestamptz NOT NULL,
    decided_at         timestamptz,
    deadline           timestamptz NOT NULL CHECK (deadline > submitted_at),
    version            bigint      NOT NULL CHECK (version > 0),
    CHECK ((status = 'decided') = (decided_at IS NOT NULL)),
    CHECK (result IS NULL OR status = 'decided'),
    -- A callback quotes the vendor's job: it must name one check.
    CONSTRAINT kyc_check_vendor_job_key UNIQUE (vendor, vendor_job)
);

-- One check at a time waits for a vendor: a second selfie would pay for a verdict that could
-- contradict the first. Also how a customer's pending check is found.
CREATE UNIQUE INDEX kyc_check_pending_key ON kyc_check (customer_id) WHERE status = 'pending';
-- A customer's checks, newest first (the KYC case view).
CREATE INDEX kyc_check_customer_idx ON kyc_check (customer_id, submitted_at DESC, id DESC);
-- What a vendor that keeps a record of the person called them last (few checks carry one).
CREATE INDEX kyc_check_subject_idx ON kyc_check (customer_id, vendor, submitted_at DESC, id DESC)
    WHERE vendor_subject IS NOT NULL;

-- A case a person decides. The claim is who holds it, until when (a lapsed one stays as it was);
-- the decision columns are whole or absent, and only a decided review has them.
CREATE TABLE kyc_review (
    id              text COLLATE "C" PRIMARY KEY CHECK (id ~ '^rev_[A-Za-z0-9]{24}$'),
    customer_id     text        NOT NULL REFERENCES customer (id),
    check_id        text COLLATE "C" NOT NULL REFERENCES kyc_check (id),
    vendor          text        NOT NULL,
    reason          text        NOT NULL CHECK (reason IN ('vendor_review', 'unknown_result', 'vendor_timeout')),
    findings        json        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('open', 'decided', 'superseded')),
    claimed_by      text,
    claimed_until   timestamptz,
    decision        text        CHECK (decision IN ('approve', 'reject')),
    decision_reason text        CHECK (decision_reason IN ('face_mismatch', 'not_live', 'document_unreadable',
                                                           'document_tampered', 'data_mismatch', 'other')),
    decision_note   text,
    decided_by      text,
    decided_at      timestamptz,
    created_at      timestamptz NOT NULL,
    closed_at       timestamptz,
    version         bigint      NOT NULL CHECK (version > 0),
    CHECK ((claimed_by IS NULL) = (claimed_until IS NULL)),
    CHECK ((status = 'open') = (closed_at IS NULL)),
    CHECK ((status = 'decided') = (decision IS NOT NULL)),
    CHECK ((decision IS NULL) = (decided_by IS NULL) AND (decision IS NULL) = (decided_at IS NULL)),
    CHECK (decision IS NOT NULL OR (decision_reason IS NULL AND decision_note IS NULL)),
    CHECK ((decision = 'reject') = (decision_reason IS NOT NULL))
);

-- One open review per customer, for the reason a second pending check is refused. Also how a
-- customer's open review is found.
CREATE UNIQUE INDEX kyc_review_open_key ON kyc_review (customer_id) WHERE status = 'open';
-- The queue people work through, oldest first, and the decided ones, newest first: each page is a
-- range of a small index however long the other list grows.
CREATE INDEX kyc_review_open_queue ON kyc_review (created_at, id) WHERE status = 'open';
CREATE INDEX kyc_review_decided_newest ON kyc_review (closed_at DESC, id DESC) WHERE status = 'decided';

-- Each selfie attempt so far was a check decided during its request. The old table did not record
-- the vendor, and no check then had a deadline: it is set as a new check's would have been.
-- processing_error concluded none of the results. The new ids are drawn from the server's strong
-- random source (24 hex digits of a random UUID), as the service draws its own.
INSERT INTO kyc_check (id, customer_id, document_reference, vendor, vendor_job, selfie_file_id,
                       status, result, findings, submitted_at, decided_at, deadline, version)
SELECT 'kyc_' || substr(replace(gen_random_uuid()::text, '-', ''), 1, 24),
       customer_id,
       reference,
       'unrecorded',
       vendor_job_id,
       selfie_file_id,
       'decided',
       CASE result
           WHEN 'match' THEN 'verified'
           WHEN 'not_live' THEN 'live'
           WHEN 'face_mismatch' THEN 'match'
       END,
       '{}',
       attempted_at,
       attempted_at,
       attempted_at + interval '24 hours',
       1
FROM selfie_attempt
ORDER BY id;

DROP TABLE selfie_attempt;
