-- Which version of the MP3 rules judged each file. A verdict made by older rules is not trusted: the
-- next scan judges the file again (a forged file the old header walk accepted is then refused).
ALTER TABLE media_file ADD COLUMN rules_version INTEGER DEFAULT 1 NOT NULL;
