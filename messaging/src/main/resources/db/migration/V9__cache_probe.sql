-- One row the ingest rewrites when a batch fails to store, to tell a failing cache (disk full, I/O error: the probe
-- fails too) from a batch the cache cannot take (the probe succeeds). See BatchStore and ADR 0001.
CREATE TABLE cache_probe (
    id INT PRIMARY KEY,
    written_at TIMESTAMP WITH TIME ZONE NOT NULL
);
