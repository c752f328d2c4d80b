-- Write-ahead audit (issue 14): a change's row is written 'pending' before the change is made and
-- completed with its status before the client hears of it. Rows still pending at the next start were
-- cut short by a crash and are marked 'unknown': the change may or may not have been made.
ALTER TABLE audit ADD COLUMN outcome VARCHAR(16) DEFAULT 'done' NOT NULL;
CREATE INDEX audit_outcome ON audit (outcome);
