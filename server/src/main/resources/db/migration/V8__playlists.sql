-- Playlists made through the API. The database holds the authoritative copy; an M3U8 file with the
-- same name is written into the media folder for tools that read playlists from disk.
CREATE TABLE playlist (
    name        VARCHAR(255)  PRIMARY KEY,
    title       VARCHAR(1024),
    items       VARCHAR(65536) NOT NULL,
    version     INTEGER       NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  VARCHAR(255)
);
