-- Commands of chat buttons too long for the platform's callback data (Telegram: 64 bytes), under a reference derived
-- from the command itself, so that every instance resolves every button and a restart changes nothing. A command
-- not shown on a button for a while is forgotten; its button then answers that it has expired.
CREATE TABLE button_commands (
    ref        TEXT   NOT NULL PRIMARY KEY,
    command    TEXT   NOT NULL,
    last_shown BIGINT NOT NULL
);
CREATE INDEX button_commands_last_shown ON button_commands (last_shown);

-- The message that later parts of a split message reply to (a photo whose caption could not hold its text), so that a
-- part sent after a throttle, a restart or by another instance still replies to it.
CREATE TABLE reply_threads (
    platform    TEXT   NOT NULL,
    channel_id  TEXT   NOT NULL,
    thread_key  TEXT   NOT NULL,
    message_id  TEXT   NOT NULL,
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (platform, channel_id, thread_key)
);
CREATE INDEX reply_threads_created ON reply_threads (created_at);
