-- Map layers imported from files (./haechi import --kind LAYER): one row per feature, WGS84 geometry as WKT.
-- A layer is replaced whole on each import.
CREATE TABLE imported_feature (
    layer        VARCHAR(200) NOT NULL,
    id           VARCHAR(200) NOT NULL,
    geometry_wkt CLOB         NOT NULL,
    properties   CLOB,
    PRIMARY KEY (layer, id)
);
