-- How many times the cache changed an alarm's workflow: the screen keeps the copy of an alarm with the highest
-- revision, so a copy read before a change and handed over after it cannot put the older state back. And when this
-- cache last changed it, so that the alarms closed last can be listed to be reopened. One statement: each ALTER of a
-- large table rewrites it.
ALTER TABLE alarm ADD COLUMN (revision BIGINT DEFAULT 0 NOT NULL, changed_at TIMESTAMP WITH TIME ZONE);
