-- Which area each library item (an uploaded media file, an API playlist) belongs to. Operators change
-- only their own area's items; a user whose scope covers the area may too. No row, or a NULL area,
-- means the root: files shipped in the media folder and what admins made, read-only for operators.
CREATE TABLE library_owner (
    kind        VARCHAR(16)   NOT NULL,
    name        VARCHAR(1024) NOT NULL,
    area        VARCHAR(255),
    claimed_by  VARCHAR(64)   NOT NULL,
    claimed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (kind, name)
);
-- Playlists made before ownership existed belong to the area of whoever last saved them, when that
-- user answers for exactly one area; the rest stay with the root. Uploaded files were never recorded
-- by name, so they stay with the root too.
INSERT INTO library_owner (kind, name, area, claimed_by, claimed_at)
SELECT 'PLAYLIST', p.name, u.scopes, p.updated_by, p.updated_at
FROM playlist p JOIN app_user u ON u.name = p.updated_by
WHERE u.role <> 'ADMIN' AND u.scopes <> '' AND u.scopes NOT LIKE '%,%';
