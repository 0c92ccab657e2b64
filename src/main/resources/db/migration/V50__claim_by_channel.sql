-- Delivery claims a channel's due alerts together: find them by channel without reading its sent history.
CREATE INDEX outbox_channel_due ON outbox (platform, channel_id, status, id);
