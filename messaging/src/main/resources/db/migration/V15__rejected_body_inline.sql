-- Rejected bodies are cut at 65,536 characters (RejectedStore), so they fit inline: the oldest rejections are now
-- deleted to keep the cache bounded, and H2's large-object storage has known problems (h2database issue 3037) that
-- deleting many rows of it would meet.
ALTER TABLE rejected_message ALTER COLUMN body SET DATA TYPE VARCHAR(1000000);
