-- Quote snippets filed by reporters, and per-channel settings (approval on or off).
CREATE TABLE quotes (
    id           ${identity},
    speaker      TEXT    NOT NULL,
    role         TEXT    NOT NULL,
    body         TEXT    NOT NULL,
    contest_ids  TEXT    NOT NULL,
    filed_by     TEXT    NOT NULL,
    platform     TEXT    NOT NULL,
    channel_id   TEXT    NOT NULL,
    filed_at     BIGINT  NOT NULL,
    status       TEXT    NOT NULL,
    decided_by   TEXT,
    decided_at   BIGINT
);
CREATE INDEX quotes_status ON quotes (status);

CREATE TABLE channel_settings (
    platform    TEXT NOT NULL,
    channel_id  TEXT NOT NULL,
    name        TEXT NOT NULL,
    value       TEXT NOT NULL,
    PRIMARY KEY (platform, channel_id, name)
);
