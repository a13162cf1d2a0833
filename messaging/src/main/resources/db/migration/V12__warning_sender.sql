-- CAP makes an alert's identifier unique only for its sender: warnings are keyed by both, and what an Update or Cancel
-- replaced is kept with the sender its reference named ('' when the reference did not say). Warnings stored before
-- this migration have the sender '' (it is in their bodies, read again at every start), and match any sender.
ALTER TABLE warning ADD COLUMN sender VARCHAR(500) DEFAULT '' NOT NULL;
ALTER TABLE warning DROP PRIMARY KEY;
ALTER TABLE warning ADD PRIMARY KEY (sender, identifier);
ALTER TABLE warning_reference ADD COLUMN sender VARCHAR(500) DEFAULT '' NOT NULL;
ALTER TABLE warning_reference DROP PRIMARY KEY;
ALTER TABLE warning_reference ADD PRIMARY KEY (identifier, sender, superseded_by);
