-- Delivery claims a channel's due alerts together: find them by channel without reading its sent history.
CREATE INDEX outbox_channel_due ON outbox (platform, channel_id, status, id);

-- When the lease holder last read a feed file (epoch ms, 0 for never), so that every instance's /status and
-- readiness tell the same story, not only the leader's.
ALTER TABLE leases ADD COLUMN last_file_at BIGINT NOT NULL DEFAULT 0;
