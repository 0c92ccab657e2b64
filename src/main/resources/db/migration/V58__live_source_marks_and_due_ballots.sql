-- How far a polled source has been read (Democracy Club's results API: the last_updated to ask from next), so that a
-- restart, or another instance taking the lead, resumes where the last complete sweep ended.
CREATE TABLE source_marks (
    source     TEXT   NOT NULL PRIMARY KEY,
    high_water BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- The local ballots due, as the live source last listed them (Democracy Club's ballots API): what /byelections lists.
CREATE TABLE due_ballots (
    ballot_id    TEXT    NOT NULL PRIMARY KEY,
    poll_date    TEXT    NOT NULL,
    council_code TEXT    NOT NULL,
    council_name TEXT    NOT NULL,
    ward_code    TEXT    NOT NULL,
    ward_name    TEXT    NOT NULL,
    seats        INTEGER NOT NULL
);
CREATE INDEX due_ballots_poll_date ON due_ballots (poll_date);

CREATE TABLE due_ballot_candidates (
    ballot_id  TEXT    NOT NULL,
    position   INTEGER NOT NULL,
    name       TEXT    NOT NULL,
    party_code TEXT    NOT NULL,
    party_name TEXT    NOT NULL,
    PRIMARY KEY (ballot_id, position)
);
