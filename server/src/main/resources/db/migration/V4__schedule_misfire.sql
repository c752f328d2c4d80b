-- What to do with an entry's firing that was missed (server down): SKIP, GRACE with minutes, or JOIN.
ALTER TABLE schedule ADD COLUMN misfire VARCHAR(200) DEFAULT '{"policy":"SKIP"}' NOT NULL;
