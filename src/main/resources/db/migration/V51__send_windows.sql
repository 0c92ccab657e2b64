-- Send budgets kept as sliding windows: each bucket remembers its latest sends (up to its limit's count, ascending
-- epoch ms, comma-separated) and a hold-off a 429 imposed, instead of one theoretical arrival time that spaced sends
-- evenly. A bucket's old arrival time becomes its hold-off, so nothing goes sooner than the old budget allowed.
CREATE TABLE send_window (
    platform    TEXT   NOT NULL,
    bucket      TEXT   NOT NULL,
    sends       TEXT   NOT NULL,
    held_until  BIGINT NOT NULL,
    PRIMARY KEY (platform, bucket)
);

INSERT INTO send_window (platform, bucket, sends, held_until)
SELECT platform, bucket, '', tat FROM send_budget;

DROP TABLE send_budget;
