-- Which warnings an Update or Cancel replaced, so that the original arriving late (or sent again by an aggregator)
-- stays withdrawn. Warnings replaced before this migration are not listed: their replacements' bodies would have to
-- be parsed here; they are gone from the table already, and only a re-sent original could bring one back.
CREATE TABLE warning_reference (
    identifier    VARCHAR(500) NOT NULL,
    superseded_by VARCHAR(500) NOT NULL,
    PRIMARY KEY (identifier, superseded_by)
);
