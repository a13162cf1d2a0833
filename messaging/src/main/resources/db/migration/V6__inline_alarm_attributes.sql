-- Alarm attributes are small JSON objects: an inline VARCHAR avoids H2's large-object storage on the ingest path
-- (slower, and with known transaction problems).
ALTER TABLE alarm_attributes ALTER COLUMN json SET DATA TYPE VARCHAR(1000000);
