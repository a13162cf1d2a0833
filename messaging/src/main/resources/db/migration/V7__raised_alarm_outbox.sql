-- Alarms this console raises itself (a camera the wall found offline): stored with the alarms and queued here in the
-- same transaction, then published to haechi.alarms when connected (RaisedAlarms). A row is deleted once sent.
CREATE TABLE alarm_outbox (
    id        VARCHAR(200)  PRIMARY KEY,
    body      CHARACTER LARGE OBJECT NOT NULL,
    queued_at TIMESTAMP WITH TIME ZONE NOT NULL
);
