-- An alarm's attributes move into its own row: the separate table cost two more B-tree maps per stored alarm (its
-- rows and its primary key), which was a third of the ingest's H2 work (docs/benchmarks.md, issue 3).
ALTER TABLE alarm ADD COLUMN attributes VARCHAR(1000000);
UPDATE alarm SET attributes = (SELECT t.json FROM alarm_attributes t WHERE t.id = alarm.id)
 WHERE EXISTS (SELECT 1 FROM alarm_attributes t WHERE t.id = alarm.id);
DROP TABLE alarm_attributes;
