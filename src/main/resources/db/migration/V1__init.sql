-- Results Desk schema, for SQLite and PostgreSQL alike: ${identity} is each one's auto-numbered key (Database).
-- Times are epoch milliseconds (BIGINT) so both databases compare them alike.

CREATE TABLE declarations (
    contest_id   TEXT    NOT NULL,
    stage        TEXT    NOT NULL,
    revision     INTEGER NOT NULL,
    payload      TEXT    NOT NULL,
    source       TEXT    NOT NULL,
    received_at  BIGINT  NOT NULL,
    PRIMARY KEY (contest_id, stage, revision)
);

CREATE TABLE subscriptions (
    platform    TEXT   NOT NULL,
    channel_id  TEXT   NOT NULL,
    kind        TEXT   NOT NULL,
    target      TEXT   NOT NULL,
    label       TEXT   NOT NULL,
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (platform, channel_id, kind, target)
);

CREATE TABLE paused_channels (
    platform    TEXT   NOT NULL,
    channel_id  TEXT   NOT NULL,
    reason      TEXT   NOT NULL,
    since       BIGINT NOT NULL,
    PRIMARY KEY (platform, channel_id)
);

CREATE TABLE outbox (
    id           ${identity},
    platform     TEXT    NOT NULL,
    channel_id   TEXT    NOT NULL,
    contest_id   TEXT    NOT NULL,
    revision     INTEGER NOT NULL,
    kind         TEXT    NOT NULL,
    status       TEXT    NOT NULL,
    created_at   BIGINT  NOT NULL,
    not_before   BIGINT  NOT NULL,
    lease_until  BIGINT,
    attempts     INTEGER NOT NULL DEFAULT 0,
    message_id   TEXT,
    batch_size   INTEGER,
    sent_at      BIGINT,
    last_error   TEXT,
    UNIQUE (platform, channel_id, contest_id, revision, kind)
);
CREATE INDEX outbox_due ON outbox (platform, status, not_before);
CREATE INDEX outbox_lease ON outbox (platform, status, lease_until);
CREATE INDEX outbox_status ON outbox (status);
CREATE INDEX outbox_sent ON outbox (platform, channel_id, contest_id, status);

CREATE TABLE processed_updates (
    platform    TEXT   NOT NULL,
    update_id   TEXT   NOT NULL,
    seen_at     BIGINT NOT NULL,
    PRIMARY KEY (platform, update_id)
);
