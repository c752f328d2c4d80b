-- The loudness of each library file (EBU R128, measured by ffmpeg), for the size and modification time
-- it was measured at: a file changed since is measured again. gain_db: what Loa applied to reach the
-- target; normalised: whether the stored file is at the target now. integrated_lufs NULL: silence.
CREATE TABLE media_loudness (
    path             VARCHAR(1024) PRIMARY KEY,
    size_bytes       BIGINT           NOT NULL,
    modified_ms      BIGINT           NOT NULL,
    integrated_lufs  DOUBLE PRECISION,
    true_peak_dbtp   DOUBLE PRECISION NOT NULL,
    gain_db          DOUBLE PRECISION NOT NULL,
    normalised       BOOLEAN          NOT NULL,
    measured_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
