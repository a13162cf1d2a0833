-- CAP makes an alert's identifier unique only for its sender: warnings are keyed by both, and what an Update or Cancel
-- replaced is kept with the sender its reference named ('' when the reference did not say), both in lower case. The
-- sender of a warning stored before is read from its body ('' when it cannot be found, which matches any sender).
ALTER TABLE warning ADD COLUMN sender VARCHAR(500) DEFAULT '' NOT NULL;
-- Lower case, as the cache compares senders; a sender with an entity, or longer than its column, falls back to ''.
UPDATE warning SET sender = CASE
    WHEN CHAR_LENGTH(REGEXP_SUBSTR(body, '(?U)<(?:[A-Za-z0-9_.-]+:)?sender>\s*([^<\s&]+)\s*<', 1, 1, '', 1)) <= 500
    THEN LOWER(REGEXP_SUBSTR(body, '(?U)<(?:[A-Za-z0-9_.-]+:)?sender>\s*([^<\s&]+)\s*<', 1, 1, '', 1))
    ELSE '' END;
ALTER TABLE warning DROP PRIMARY KEY;
ALTER TABLE warning ADD PRIMARY KEY (identifier, sender);
ALTER TABLE warning_reference ADD COLUMN sender VARCHAR(500) DEFAULT '' NOT NULL;
ALTER TABLE warning_reference DROP PRIMARY KEY;
ALTER TABLE warning_reference ADD PRIMARY KEY (identifier, sender, superseded_by);
