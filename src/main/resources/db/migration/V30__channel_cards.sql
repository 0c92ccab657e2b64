-- Channels whose alerts are posted as pictures (/cards on); a channel with no row gets text.
CREATE TABLE channel_cards (
    platform    TEXT    NOT NULL,
    channel_id  TEXT    NOT NULL,
    cards       BOOLEAN NOT NULL,
    changed_at  BIGINT  NOT NULL,
    PRIMARY KEY (platform, channel_id)
);
