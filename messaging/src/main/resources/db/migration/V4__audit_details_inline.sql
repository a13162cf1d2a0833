-- Audit details as an inline string rather than a CLOB: they are small (notes are at most 4,000 characters), and
-- H2's out-of-line LOB storage has known transactional weaknesses (h2database issue 3037) that an audit log should
-- not depend on.
ALTER TABLE audit_log ALTER COLUMN details VARCHAR(1000000) NOT NULL;
