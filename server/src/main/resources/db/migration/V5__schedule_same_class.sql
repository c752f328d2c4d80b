-- What a scheduled entry does when its own class is on air at its instant: CUT, NEXT or WAIT seconds.
ALTER TABLE schedule ADD COLUMN same_class VARCHAR(200) DEFAULT '{"policy":"CUT"}' NOT NULL;
