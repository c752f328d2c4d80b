-- A firing Quartz has consumed but whose session is not yet journaled: Quartz fires ahead of the air
-- time, and a crash in between would otherwise lose the firing without a trace. The row goes once
-- the session is journaled; one left at a restart is a firing that never reached the air.
CREATE TABLE schedule_armed (
    schedule_id  BIGINT PRIMARY KEY REFERENCES schedule (id) ON DELETE CASCADE,
    air_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
