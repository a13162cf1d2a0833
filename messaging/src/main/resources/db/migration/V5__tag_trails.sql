-- Recent fixes of every tag, for trails; purged past the retention window (PositionStore.purgeTrails).
CREATE TABLE tag_trail (
    person_id VARCHAR(100) NOT NULL,
    fix_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    lat       DOUBLE PRECISION NOT NULL,
    lon       DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (person_id, fix_at)
);
CREATE INDEX tag_trail_fix_at ON tag_trail (fix_at);
