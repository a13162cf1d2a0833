-- Operator actions carry a hybrid logical clock (ADR 0006): its text sorts as the timestamp does, so the fold and the
-- outbox order by it. Actions stored before this migration get their wall time, counter 0 and their console.
ALTER TABLE operator_action ADD COLUMN hlc VARCHAR(160);
UPDATE operator_action
   SET hlc = FORMATDATETIME(at, 'yyyy-MM-dd''T''HH:mm:ss.SSS''Z''', 'en', 'UTC') || '#0000@' || console;
ALTER TABLE operator_action ALTER COLUMN hlc SET NOT NULL;
ALTER TABLE operator_action ADD COLUMN assignee VARCHAR(100);
ALTER TABLE operator_action ADD COLUMN snooze_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE operator_action ADD COLUMN disposition VARCHAR(200);
DROP INDEX operator_action_alarm;
CREATE INDEX operator_action_alarm ON operator_action (alarm_id, hlc);

-- The folded operator state besides the workflow state.
ALTER TABLE alarm ADD COLUMN assignee VARCHAR(100);
ALTER TABLE alarm ADD COLUMN disposition VARCHAR(200);
ALTER TABLE alarm ADD COLUMN snoozed_until TIMESTAMP WITH TIME ZONE;

-- Append-only audit log, each record chained to the previous by SHA-256 (AuditLog). The code never updates or
-- deletes a row; audit_head holds the last seq and hash, so cutting records off the end is detected too, and its
-- row lock serialises appenders.
CREATE TABLE audit_log (
    seq       BIGINT        PRIMARY KEY,
    at        TIMESTAMP WITH TIME ZONE NOT NULL,
    console   VARCHAR(100),
    operator  VARCHAR(100),
    kind      VARCHAR(32)   NOT NULL,
    subject   VARCHAR(500),
    details   CHARACTER LARGE OBJECT NOT NULL,
    prev_hash CHAR(64)      NOT NULL,
    hash      CHAR(64)      NOT NULL
);
CREATE TABLE audit_head (
    id        INT      PRIMARY KEY,
    last_seq  BIGINT   NOT NULL,
    last_hash CHAR(64) NOT NULL
);
INSERT INTO audit_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
