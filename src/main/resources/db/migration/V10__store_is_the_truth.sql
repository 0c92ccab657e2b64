-- The store is the source of truth (issue 10). Every instance follows the declarations by their sequence number,
-- claims in the outbox are fenced by a token, leadership is a lease that expires unless renewed, and sends to a
-- chat draw on a budget shared by every instance.

CREATE TABLE declaration_log (
    seq          ${identity},
    contest_id   TEXT    NOT NULL,
    stage        TEXT    NOT NULL,
    revision     INTEGER NOT NULL,
    payload      TEXT    NOT NULL,
    source       TEXT    NOT NULL,
    received_at  BIGINT  NOT NULL,
    UNIQUE (contest_id, stage, revision)
);
INSERT INTO declaration_log (contest_id, stage, revision, payload, source, received_at)
    SELECT contest_id, stage, revision, payload, source, received_at FROM declarations
    ORDER BY received_at, contest_id, stage, revision;
DROP TABLE declarations;
ALTER TABLE declaration_log RENAME TO declarations;

-- Who holds a claim on an outbox row; every update after the claim names the token it was claimed with.
ALTER TABLE outbox ADD COLUMN claim_token TEXT;
ALTER TABLE outbox ADD COLUMN claimed_by TEXT;
-- Parts of a long message already posted, so a retry sends only the rest; and the message the first part became.
ALTER TABLE outbox ADD COLUMN parts_sent INTEGER NOT NULL DEFAULT 0;

-- A lease is held until expires_at (epoch ms) unless its holder renews it.
ALTER TABLE leases ADD COLUMN expires_at BIGINT NOT NULL DEFAULT 0;

-- Send budgets shared by every instance: one row a limit (a chat's per-second limit, a group's per-minute limit,
-- the bot's overall limit), held as the theoretical arrival time of the generic cell rate algorithm, epoch ms.
CREATE TABLE send_budget (
    platform  TEXT   NOT NULL,
    bucket    TEXT   NOT NULL,
    tat       BIGINT NOT NULL,
    PRIMARY KEY (platform, bucket)
);
