-- A broadcast request is journaled before it airs; 65,536 characters was narrower than a request the
-- API accepts, so the insert failed after the session had already gone on air. Both H2 and
-- PostgreSQL take this form.
ALTER TABLE broadcast_session ALTER COLUMN request SET DATA TYPE VARCHAR(1000000);
