-- The audit trail: every editorial action (subscribe, unsubscribe, approve, reject, retract, approval switch), who
-- did it on which platform, in which chat, when, and on what.
CREATE TABLE audit_trail (
    id          ${identity},
    at          BIGINT NOT NULL,
    platform    TEXT   NOT NULL,
    channel_id  TEXT   NOT NULL,
    user_id     TEXT   NOT NULL,
    user_name   TEXT   NOT NULL,
    action      TEXT   NOT NULL,
    detail      TEXT   NOT NULL
);
CREATE INDEX audit_trail_at ON audit_trail (at);
