-- Each entry's next firing whose session is not yet in the journal: written before Quartz can fire
-- it (Quartz consumes a firing 2 s ahead of its air time), moved on once the session is journaled. A
-- mark Quartz no longer holds and the journal never got is, at a restart, a missed firing.
CREATE TABLE schedule_armed (
    schedule_id  BIGINT PRIMARY KEY REFERENCES schedule (id) ON DELETE CASCADE,
    air_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
