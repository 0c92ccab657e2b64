-- The party defending a council by-election's vacancy, as an editor set it with /defending (where the roster and the
-- ward's last result do not settle it). One row per ballot; setting it again replaces it.
CREATE TABLE byelection_defences (
    ballot_id   TEXT   NOT NULL PRIMARY KEY,
    party_code  TEXT   NOT NULL,
    party_name  TEXT   NOT NULL,
    set_by      TEXT   NOT NULL,
    set_at      BIGINT NOT NULL
);
