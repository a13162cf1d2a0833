-- V3 built the clock of each action stored before it from the action's console name and time, which the first
-- release did not check: a name with a blank ("Console 3") or a time before 1970 or after 9999 made a clock text
-- this version cannot read, and the console stopped at start on it. Blanks in the name become underscores, and
-- the time is brought inside the years the clock holds; the order among the other actions is kept. Years past 9999
-- first: their text ("+12026-...") would otherwise sort below 1970.
UPDATE operator_action SET hlc = REGEXP_REPLACE(hlc, '\s', '_') WHERE REGEXP_LIKE(hlc, '\s');
UPDATE operator_action SET hlc = '9999-12-31T23:59:59.999Z' || SUBSTRING(hlc, POSITION('#' IN hlc))
 WHERE POSITION('#' IN hlc) <> 25;
UPDATE operator_action SET hlc = '1970-01-01T00:00:00.000Z' || SUBSTRING(hlc, POSITION('#' IN hlc))
 WHERE hlc < '1970-01-01T00:00:00.000Z#';
