-- A migration that fails half-way (MigrationTest): H2 commits the first statement at once.
ALTER TABLE alarm ADD COLUMN broken INT;
SELECT * FROM no_such_table;
