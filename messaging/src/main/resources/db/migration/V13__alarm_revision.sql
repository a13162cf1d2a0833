-- How many times the cache changed an alarm's workflow: the screen keeps the copy of an alarm with the highest
-- revision, so a copy read before a change and handed over after it cannot put the older state back.
ALTER TABLE alarm ADD COLUMN revision BIGINT DEFAULT 0 NOT NULL;
