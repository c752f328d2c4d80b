-- Every acknowledged broadcast session with the request that made it, so a restart can put back on
-- air what was on air when the process died.
CREATE TABLE broadcast_session (
    id           BIGINT        PRIMARY KEY,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    audible_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    title        VARCHAR(1024) NOT NULL,
    priority     VARCHAR(16)   NOT NULL,
    duration_ms  BIGINT        NOT NULL,
    request      VARCHAR(65536) NOT NULL,
    origin       VARCHAR(255)  NOT NULL,
    state        VARCHAR(16)   NOT NULL,
    ended_at     TIMESTAMP WITH TIME ZONE,
    resumed_as   BIGINT
);
CREATE INDEX broadcast_session_state ON broadcast_session (state);
