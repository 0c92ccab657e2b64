-- Seats a channel watches on election night (/watch): they are marked in /due and listed by /watchlist.
CREATE TABLE watch_lists (
    platform    TEXT   NOT NULL,
    channel_id  TEXT   NOT NULL,
    gss         TEXT   NOT NULL,
    label       TEXT   NOT NULL,
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (platform, channel_id, gss)
);
