-- What people say about a library file, kept apart from the scan's verdicts (media_file rows are
-- replaced whenever the file changes): a title of their own (NULL: the ID3 title or the file name) and
-- the language it is spoken in, as a BCP 47 tag (vi, bdq, sed, ...; NULL: not said).
CREATE TABLE media_meta (
    path        VARCHAR(1024) PRIMARY KEY,
    title       VARCHAR(1024),
    language    VARCHAR(35),
    updated_by  VARCHAR(64)   NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
