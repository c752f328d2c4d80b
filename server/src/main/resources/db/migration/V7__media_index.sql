-- The media library index: what the last scan found for each file, so a restart re-reads only files
-- whose size or modification time changed.
CREATE TABLE media_file (
    path          VARCHAR(1024) PRIMARY KEY,
    size_bytes    BIGINT        NOT NULL,
    modified_ms   BIGINT        NOT NULL,
    accepted      BOOLEAN       NOT NULL,
    reason        VARCHAR(2048),
    duration_ms   BIGINT,
    mpeg_version  VARCHAR(16),
    sample_rate   INTEGER,
    channels      INTEGER,
    bitrate       BIGINT,
    vbr           BOOLEAN,
    title         VARCHAR(1024),
    artist        VARCHAR(1024),
    warnings      VARCHAR(4096),
    indexed_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
