-- The party defending a council by-election's vacancy, as an editor set it with /defending (where the roster and the
-- ward's last result do not settle it). One row per ballot; setting it again replaces it.
CREATE TABLE byelection_defences (
    ballot_id   TEXT   NOT NULL PRIMARY KEY,
    party_code  TEXT   NOT NULL,
    party_name  TEXT   NOT NULL,
    set_by      TEXT   NOT NULL,
    set_at      BIGINT NOT NULL
);

-- Channels an editor has scheduled the week's council by-election summary for (/byelections schedule): it is queued
-- to each through the outbox once the week's results are all in.
CREATE TABLE byelection_summary_channels (
    platform    TEXT   NOT NULL,
    channel_id  TEXT   NOT NULL,
    set_by      TEXT   NOT NULL,
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (platform, channel_id)
);
