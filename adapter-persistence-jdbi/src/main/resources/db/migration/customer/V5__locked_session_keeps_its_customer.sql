-- A verified session still counts wrong codes and locks after five; a session locked after it
-- created its customer keeps naming that customer (for the audit trail).
ALTER TABLE phone_verification_session DROP CONSTRAINT phone_verification_session_check1;
ALTER TABLE phone_verification_session ADD CONSTRAINT phone_verification_session_customer_by_state
    CHECK ((state = 'verified' AND customer_id IS NOT NULL)
        OR (state = 'pending' AND customer_id IS NULL)
        OR state = 'locked');
